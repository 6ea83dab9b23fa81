import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EthoraResponseTooLargeError, isEthoraApiError } from '../../lib/errors/index.js';
import { gzipBomb, HostileServer, hugeBody, json, moduleAgainst } from './hostile-server.js';

// Issue 12.1: answer bodies are capped (decoded size included), with a typed error, and memory stays bounded.
describe('hostile server: response body cap', () => {
  let server: HostileServer;
  let ctx: Awaited<ReturnType<typeof moduleAgainst>>;
  beforeAll(async () => {
    server = await new HostileServer().start();
    ctx = await moduleAgainst(server, { maxResponseBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await ctx.close();
    await server.stop();
  });

  const MB = 1024 * 1024;

  it.each([
    ['a body declared as 2 GB', () => hugeBody(2 * 1024 * MB)],
    ['an endless chunked body', () => hugeBody()],
    ['a 2 MB gzip bomb (inflating to about 2 GB)', () => gzipBomb(2 * MB)],
  ])('%s rejects with EthoraResponseTooLargeError, not a crash', async (_label, scenario) => {
    server.use(scenario());
    const rssBefore = process.memoryUsage().rss;
    const error = await ctx.service.getUsers().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(EthoraResponseTooLargeError);
    expect(isEthoraApiError(error) && error.code).toBe('response_too_large');
    expect((error as Error).message).toMatch(/larger than maxResponseBytes \(1048576 bytes\).*http:\/\/127\.0\.0\.1/);
    // The process did not keep the body: its memory grew by far less than any of these bodies.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * MB);
  });

  it('is not retried (the same request would bring the same body), and the client keeps working', async () => {
    server.use(hugeBody());
    const before = server.requests.length;
    await expect(ctx.service.getUsers()).rejects.toBeInstanceOf(EthoraResponseTooLargeError);
    expect(server.requests.length - before).toBe(1);
    server.use(json(200, { results: [{ xmppUsername: 'x' }] }));
    await expect(ctx.service.getUsers()).resolves.toMatchObject({ items: [{ xmppUsername: 'x' }] });
  });
});
