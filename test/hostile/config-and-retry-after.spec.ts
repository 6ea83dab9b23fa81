import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EthoraArgumentError, EthoraConfigError, EthoraRateLimitError, EthoraTokenService } from '../../lib/index.js';
import { ETHORA_CHAT_RANGES } from '../../lib/ethora-chat.constants.js';
import { decideRetry } from '../../lib/http/retry-policy.js';
import { resolveEthoraChatOptions } from '../../lib/options/resolve-options.js';
import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import { APP_ID, APP_SECRET, HostileServer, json, moduleAgainst, withHostile } from './hostile-server.js';

const valid = { apiUrl: 'https://api.chat.ethora.com', appId: APP_ID, appSecret: APP_SECRET, logging: false as const };

// Issue 12.10: every numeric option has a range checked at boot, all problems are listed at once, Retry-After
// is a floor (never a way to skip backoff), toJSON keeps every public field, client-token lifetimes are capped.
describe('config ranges', () => {
  it.each(Object.entries(ETHORA_CHAT_RANGES))('%s outside [min, max] is refused at boot', (option, [min, max]) => {
    for (const bad of [min - 1, max + 1, 2 ** 31, 1.5, Number.NaN]) {
      expect(() => resolveEthoraChatOptions({ ...valid, [option]: bad })).toThrow(EthoraConfigError);
    }
    expect(() => resolveEthoraChatOptions({ ...valid, [option]: min })).not.toThrow();
    expect(() => resolveEthoraChatOptions({ ...valid, [option]: max })).not.toThrow();
  });

  it('lists every missing or bad option in one error', () => {
    const error = (() => {
      try {
        resolveEthoraChatOptions({ apiUrl: 'ftp://x', timeoutMs: 2 ** 31, retryMaxDelayMs: -1, logging: false });
      } catch (e) {
        return e as EthoraConfigError;
      }
    })()!;
    expect(error).toBeInstanceOf(EthoraConfigError);
    expect(error.problems.map((p) => p.option)).toEqual(['apiUrl', 'appId', 'appSecret', 'timeoutMs', 'retryMaxDelayMs']);
    expect(error.message).toMatch(/5 problems.*"apiUrl".*"appId" \(env ETHORA_CHAT_APP_ID\) is missing.*"appSecret".*"timeoutMs".*"retryMaxDelayMs"/);
  });
});

function rateLimited(retryAfter: string): AxiosError {
  const response = { status: 429, statusText: '', headers: { 'retry-after': retryAfter }, data: {}, config: { headers: new AxiosHeaders() } } as AxiosResponse;
  return new AxiosError('failed', 'ERR_BAD_RESPONSE', undefined, undefined, response);
}

describe('Retry-After edges', () => {
  const settings = { maxRetries: 2, retryBaseDelayMs: 500, retryMaxDelayMs: 5_000 };
  const floor = () => 0; // jitter at its lowest: backoff = 250 ms on attempt 1

  it.each(['0', '-1', 'soon', '1e3', '', 'Wed, 25 Nov 2026', '99999999999999999999'])('Retry-After %p still backs off', (header) => {
    const decision = decideRetry(rateLimited(header), 1, true, settings, Date.now(), floor);
    expect(decision.retry).toBe(true);
    expect(decision.delayMs).toBeGreaterThanOrEqual(250);
  });

  it('waits max(backoff, Retry-After), and gives up on a Retry-After above retryMaxDelayMs', () => {
    expect(decideRetry(rateLimited('2'), 1, true, settings, 0, floor)).toEqual({ retry: true, delayMs: 2_000, retryAfterMs: 2_000 });
    expect(decideRetry(rateLimited('2'), 3, true, { ...settings, maxRetries: 5, retryBaseDelayMs: 2_000 }, 0, () => 1).delayMs).toBe(5_000);
    expect(decideRetry(rateLimited('2937600'), 1, true, settings)).toMatchObject({ retry: false, retryAfterMs: 2_937_600_000 });
  });

  it('a server answering 429 with Retry-After: 0 is not hammered: maxRetries + 1 requests, then retryAfterMs in toJSON', async () => {
    await withHostile({ maxRetries: 2 }, async (server, ctx) => {
      server.use(json(429, { code: 'RATE_LIMITED' }, { 'retry-after': '0' }));
      const error = (await ctx.service.getUsers().catch((e: unknown) => e)) as EthoraRateLimitError;
      expect(error).toBeInstanceOf(EthoraRateLimitError);
      expect(server.requests).toHaveLength(3);
      expect(error.toJSON()).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 0, attempts: 3 });
      server.use(json(429, { code: 'RATE_LIMITED' }, { 'retry-after': '3600' }));
      const long = (await ctx.service.getUsers().catch((e: unknown) => e)) as EthoraRateLimitError;
      expect(JSON.parse(JSON.stringify(long))).toMatchObject({ retryAfterMs: 3_600_000, attempts: 1 });
    });
  });
});

describe('client-token lifetime cap', () => {
  let server: HostileServer;
  let ctx: Awaited<ReturnType<typeof moduleAgainst>>;
  beforeAll(async () => {
    server = await new HostileServer().start();
    ctx = await moduleAgainst(server);
  });
  afterAll(async () => {
    await ctx.close();
    await server.stop();
  });

  it('refuses a per-call lifetime above 24 hours, and 10^21 s', () => {
    const tokens = ctx.moduleRef.get(EthoraTokenService);
    expect(() => tokens.createClientToken('alice', { expiresInSeconds: 86_401 })).toThrow(EthoraArgumentError);
    expect(() => tokens.createClientToken('alice', { expiresInSeconds: 1e21 })).toThrow(EthoraArgumentError);
    expect(() => tokens.createClientToken('alice', { expiresInSeconds: 86_400 })).not.toThrow();
  });
});
