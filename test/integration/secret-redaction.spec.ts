import { afterEach, describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { deriveSigningKey } from '../../lib/tokens/signing-key.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { renderErrorChain } from '../support/secret-scan.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('secret hygiene', () => {
  let ctx: EthoraTestContext;
  afterEach(() => ctx.close());

  it('no secret, key, token or password reaches logs or errors during failing and succeeding calls', async () => {
    const logger = new CaptureLogger();
    ctx = await createEthoraTestContext({ logging: true, logger, maxRetries: 1 });
    const { service, tokens, emulator } = ctx;
    const secrets = [
      emulator.appSecret,
      deriveSigningKey(emulator.appSecret, 'server'),
      deriveSigningKey(emulator.appSecret, 'client'),
      tokens.getServerToken(),
      service.createChatUserJwtToken('alice'),
      'pw-very-secret-1',
    ];
    const errors: unknown[] = [];
    const keep = (promise: Promise<unknown>) => promise.catch((error: unknown) => errors.push(error));

    await service.createUser('alice', { password: 'pw-very-secret-1' });
    await service.createChatRoom('room');
    // Twice: a single 401 is healed by minting a new server token.
    emulator.faults.add({ status: 401, body: 'json', times: 2 });
    await keep(service.createChatRoom('denied'));
    emulator.faults.add({ status: 503, times: 2 });
    await keep(service.createUser('bob', { password: 'pw-very-secret-1' }));
    emulator.faults.add({ reset: true, times: 2 });
    await keep(service.grantUserAccessToChatRoom('room', 'alice'));
    await keep(service.grantUserAccessToChatRoom('missing-room', 'alice'));
    await keep(service.createChatRoom('bad/id'));
    await keep(Promise.resolve().then(() => tokens.verifyClientToken(secrets[4] + 'x')));

    expect(errors).toHaveLength(6);
    expect(logger.at('warn').length).toBeGreaterThan(0);
    expect(logger.at('error').length).toBeGreaterThan(0);
    const haystack = [logger.text, ...errors.flatMap(renderErrorChain), inspect(ctx.service, { depth: 6 }), inspect(tokens, { depth: 6 })].join('\n');
    for (const secret of secrets) expect(haystack).not.toContain(secret);
  });

  it('logs request bodies only when asked, with passwords and personal data redacted', async () => {
    const logger = new CaptureLogger();
    ctx = await createEthoraTestContext({ logging: true, logger, logRequestBodies: true });
    await ctx.service.createUser('carol', { password: 'pw-carol-secret', email: 'carol@example.org' });
    expect(logger.at('verbose').join('\n')).toMatch(/"password":"\[redacted\]"/);
    expect(logger.at('verbose').join('\n')).toMatch(/"email":"\[redacted\]"/);
    expect(logger.text).not.toContain('pw-carol-secret');
    expect(logger.text).not.toContain('carol@example.org');
  });

  it('does not log request bodies by default', async () => {
    const logger = new CaptureLogger();
    ctx = await createEthoraTestContext({ logging: true, logger });
    await ctx.service.createUser('carol', { password: 'pw-carol-secret' });
    expect(logger.text).not.toMatch(/ body /);
  });
});
