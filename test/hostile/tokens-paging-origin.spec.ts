import { describe, expect, it } from '@jest/globals';
import { EthoraConnectionError, EthoraUnexpectedResponseError } from '../../lib/errors/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { HostileServer, json, moduleAgainst, withHostile, type Scenario } from './hostile-server.js';

const SKEW_MS = 120_000;

/** A server whose clock runs `SKEW_MS` ahead: it refuses tokens already expired by its clock, as Ethora does. */
function skewedClock(): Scenario {
  return (req, res) => {
    const now = Date.now() + SKEW_MS;
    const token = String(req.headers['x-custom-token']);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
    const headers = { 'content-type': 'application/json', date: new Date(now).toUTCString() };
    res.writeHead(exp * 1000 <= now ? 401 : 200, headers);
    res.end(JSON.stringify(exp * 1000 <= now ? { code: 'TOKEN_EXPIRED', message: 'jwt expired' } : { results: [] }));
  };
}

// Issue 12.11: a 401 drops the cached token, a new one is minted (dated by the server's clock) and the call
// is retried once. Issue 12.12: pagers stop when the server makes no progress. Issue 12.13: the origin is named.
describe('hostile server: expired tokens and clock skew', () => {
  it('a server 2 minutes ahead with a 60 s token lifetime: one 401, then every call succeeds', async () => {
    await withHostile({ serverTokenTtlSeconds: 60 }, async (server, ctx) => {
      server.use(skewedClock());
      await expect(ctx.service.getUsers()).resolves.toMatchObject({ items: [] });
      expect(server.requests).toHaveLength(2); // the refused attempt and its retry with a new token
      const [first, second] = server.requests.map((r) => r.headers['x-custom-token']);
      expect(second).not.toBe(first);
      for (let i = 0; i < 5; i++) await ctx.service.getUsers();
      expect(server.requests).toHaveLength(7); // no more 401s: the token follows the server's clock
    });
  });

  it('a 401 that persists is retried once only, then rejects', async () => {
    await withHostile({}, async (server, ctx) => {
      server.use(json(401, { code: 'INVALID_TOKEN' }));
      await expect(ctx.service.getUsers()).rejects.toMatchObject({ code: 'authentication_failed', status: 401 });
      expect(server.requests).toHaveLength(2);
    });
  });
});

describe('hostile server: no progress while paging', () => {
  it('a server that ignores offset ends iterateUsers with EthoraUnexpectedResponseError after two pages', async () => {
    await withHostile({}, async (server, ctx) => {
      const page = Array.from({ length: 100 }, (_, i) => ({ xmppUsername: `u${i}` }));
      server.use(json(200, { results: page }));
      let seen = 0;
      const walk = async () => {
        for await (const _user of ctx.service.iterateUsers(undefined, { pageSize: 100 })) seen++;
      };
      await expect(walk()).rejects.toBeInstanceOf(EthoraUnexpectedResponseError);
      expect(seen).toBe(100);
      expect(server.requests).toHaveLength(2);
    });
  });
});

describe('origin', () => {
  it('is logged at boot (no secret) and named by connection errors', async () => {
    const server = await new HostileServer().start();
    const url = server.url;
    await server.stop(); // nothing listens there any more: connections are refused
    const logger = new CaptureLogger();
    const ctx = await moduleAgainst({ url } as HostileServer, { logging: true, logger, maxRetries: 0 });
    try {
      expect(logger.at('log').join('\n')).toContain(`Using Ethora at ${url} for app`);
      const error = await ctx.service.getUsers().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(EthoraConnectionError);
      expect((error as Error).message).toContain(`(Ethora at ${url})`);
      expect(logger.text).not.toContain('a-hostile-test-secret');
    } finally {
      await ctx.close();
    }
  });
});
