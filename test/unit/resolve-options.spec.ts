import { describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { EthoraConfigError } from '../../lib/errors/index.js';
import { readEthoraChatEnv } from '../../lib/ethora-chat.config.js';
import { resolveEthoraChatOptions } from '../../lib/options/resolve-options.js';
import { CaptureLogger } from '../support/capture-logger.js';

const valid = { apiUrl: 'https://api.chat.ethora.com', appId: '65a1b2c3d4e5f60718293a4b', appSecret: 's3cr3t-value-that-is-long-enough' };

describe('resolveEthoraChatOptions', () => {
  it('applies defaults and derives the xmpp host', () => {
    const resolved = resolveEthoraChatOptions({ ...valid, logging: false });
    expect(resolved).toMatchObject({ apiUrl: 'https://api.chat.ethora.com', xmppHost: 'xmpp.chat.ethora.com', signingMode: 'scoped', maxRetries: 2, timeoutMs: 10000, clientTokenTtlSeconds: 900 });
    expect(resolveEthoraChatOptions({ ...valid, apiUrl: 'https://api.ethoradev.com', logging: false }).xmppHost).toBe('xmpp.ethoradev.com');
  });

  it('strips a trailing slash and /v1 from apiUrl', () => {
    expect(resolveEthoraChatOptions({ ...valid, apiUrl: 'https://api.chat.ethora.com/v1/', logging: false }).apiUrl).toBe('https://api.chat.ethora.com');
    expect(resolveEthoraChatOptions({ ...valid, apiUrl: 'https://api.chat.ethora.com/', logging: false }).apiUrl).toBe('https://api.chat.ethora.com');
  });

  it.each([
    [{ apiUrl: undefined }, /"apiUrl" \(env ETHORA_CHAT_API_URL\) is missing/],
    [{ apiUrl: 'not a url' }, /"apiUrl".*not a valid URL/],
    [{ apiUrl: 'ftp://api.example.com' }, /"apiUrl".*https/],
    [{ apiUrl: 'https://user:pw@api.example.com' }, /"apiUrl".*user name or password/],
    [{ appId: undefined }, /"appId" \(env ETHORA_CHAT_APP_ID\) is missing/],
    [{ appId: 'abc' }, /"appId".*24 hex/],
    [{ appSecret: '' }, /"appSecret" \(env ETHORA_CHAT_APP_SECRET\) is missing/],
    [{ signingMode: 'weird' }, /"signingMode"/],
    [{ timeoutMs: 0 }, /"timeoutMs" \(env ETHORA_CHAT_TIMEOUT_MS\) must be an integer/],
    [{ maxRetries: 11 }, /"maxRetries".*0 to 10/],
  ])('refuses %p', (override, message) => {
    expect(() => resolveEthoraChatOptions({ ...valid, logging: false, ...(override as object) })).toThrow(EthoraConfigError);
    expect(() => resolveEthoraChatOptions({ ...valid, logging: false, ...(override as object) })).toThrow(message);
  });

  it('takes an app token instead of, or beside, the secret, and hides it like the secret', () => {
    const { appSecret: _secret, ...withoutSecret } = valid;
    const tokenOnly = resolveEthoraChatOptions({ ...withoutSecret, appToken: 'JWT app-token-value', logging: false });
    expect(tokenOnly.appSecret).toBeUndefined();
    expect(tokenOnly.appToken?.reveal()).toBe('JWT app-token-value');
    expect(inspect(tokenOnly) + JSON.stringify(tokenOnly)).not.toContain('app-token-value');
    expect(() => resolveEthoraChatOptions({ ...withoutSecret, logging: false })).toThrow(/"appSecret" .* is missing, and so is appToken \(env ETHORA_CHAT_APP_TOKEN\)/);
    expect(readEthoraChatEnv({ ETHORA_CHAT_APP_TOKEN: 'JWT t' })).toEqual({ appToken: 'JWT t' });
  });

  it('never echoes the secret, and hides it from inspect and JSON', () => {
    const badId = () => resolveEthoraChatOptions({ ...valid, appId: 'zz', logging: false });
    expect(badId).toThrow(EthoraConfigError);
    try {
      badId();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(valid.appSecret);
    }
    const resolved = resolveEthoraChatOptions({ ...valid, logging: false });
    expect(inspect(resolved, { depth: 5 })).not.toContain(valid.appSecret);
    expect(JSON.stringify(resolved)).not.toContain(valid.appSecret);
  });

  it('warns on a short secret and on plain http outside localhost', () => {
    const logger = new CaptureLogger();
    resolveEthoraChatOptions({ ...valid, appSecret: 'short', apiUrl: 'http://api.example.com', logger });
    expect(logger.at('warn').join('\n')).toMatch(/appSecret is only 5 characters/);
    expect(logger.at('warn').join('\n')).toMatch(/plain http to api.example.com/);
    expect(logger.text).not.toContain('short ');
    const quiet = new CaptureLogger();
    resolveEthoraChatOptions({ ...valid, apiUrl: 'http://127.0.0.1:4000', logger: quiet });
    expect(quiet.at('warn')).toEqual([]);
  });
});

describe('readEthoraChatEnv', () => {
  it('reads the ETHORA_CHAT_* variables, parsing numbers and booleans', () => {
    const env = {
      ETHORA_CHAT_API_URL: 'https://api.chat.ethora.com',
      ETHORA_CHAT_APP_ID: valid.appId,
      ETHORA_CHAT_APP_SECRET: valid.appSecret,
      ETHORA_CHAT_BOT_JID: 'bot',
      ETHORA_CHAT_TIMEOUT_MS: '1500',
      ETHORA_CHAT_LOGGING: 'false',
      ETHORA_CHAT_XMPP_HOST: '',
    };
    expect(readEthoraChatEnv(env)).toEqual({ ...valid, chatbotJid: 'bot', timeoutMs: 1500, logging: false });
  });
});
