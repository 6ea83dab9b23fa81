import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { EthoraServerError } from '../../lib/errors/index.js';
import { EthoraTokenService } from '../../lib/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { echoAuthorization, HostileServer, moduleAgainst, text } from './hostile-server.js';

const HTML_502 = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>upstream sad</p>\n'.repeat(1_600)}</body></html>`;

// Issue 12.4 and 12.7 (echoed tokens): errors quote a short, escaped excerpt of the server's body; reports keep
// code, status and excerpt only; the library's own tokens never come back out through server text.
describe('hostile server: error bodies', () => {
  let server: HostileServer;
  const logger = new CaptureLogger();
  let ctx: Awaited<ReturnType<typeof moduleAgainst>>;
  beforeAll(async () => {
    server = await new HostileServer().start();
    ctx = await moduleAgainst(server, { logging: true, logger, maxRetries: 1 });
  });
  afterAll(async () => {
    await ctx.close();
    await server.stop();
  });
  afterEach(() => {
    logger.lines.length = 0;
  });

  it('a 30 KB HTML 502: the message holds a short excerpt, the whole body stays on response.data', async () => {
    expect(HTML_502.length).toBeGreaterThan(30_000);
    server.use(text(502, HTML_502));
    const error = (await ctx.service.deleteChatRoom('room').catch((e: unknown) => e)) as EthoraServerError;
    expect(error).toBeInstanceOf(EthoraServerError);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain('failed with 502 <!DOCTYPE html><html><head><title>502 Bad Gateway');
    expect(error.serverMessage!.length).toBeLessThanOrEqual(201);
    expect(error.response?.data).toBe(HTML_502);
    expect(JSON.stringify(error).length).toBeLessThan(1_000);
    for (const line of logger.lines) expect(line.text.length).toBeLessThan(600);
  });

  it('a bulk report of 250 users failing on that page stores code, status and excerpt, and serialises', async () => {
    server.use(text(502, HTML_502));
    const userIds = Array.from({ length: 250 }, (_, i) => `user-${i}`);
    const report = await ctx.service.bulkGrantAccess('room', userIds);
    expect(report.totals).toEqual({ users: 250, succeeded: 0, failed: 250 });
    expect(report.users[0].error).toMatchObject({ code: 'server_error', status: 502 });
    const json = JSON.stringify(report);
    expect(json.length).toBeLessThan(250 * 600);
    expect(json).not.toContain('upstream sad</p>\\n<p>upstream sad</p>\\n<p>upstream sad</p>\\n<p>upstream sad');
  });

  it('control characters and newlines in a body cannot forge log lines or send terminal escapes', async () => {
    server.use(text(400, 'bad\n[Nest] 1  - 01/01/2026  LOG [EthoraChat] forged line\u001b[31mred\r\u2028', 'text/plain'));
    const error = (await ctx.service.deleteChatRoom('room').catch((e: unknown) => e)) as Error;
    expect(error.message).not.toMatch(/[\n\r\u001b\u2028]/);
    expect(error.message).toContain('\\u001b[31mred');
    for (const line of logger.lines) expect(line.text).not.toMatch(/[\n\r\u001b\u2028]/);
  });

  it('a gateway echoing the Authorization header: the token is scrubbed from message, data, headers, logs and reports', async () => {
    server.use(echoAuthorization(502));
    const tokens = ctx.moduleRef.get(EthoraTokenService);
    const error = (await ctx.service.deleteChatRoom('room').catch((e: unknown) => e)) as EthoraServerError;
    const report = await ctx.service.bulkGrantAccess('room', ['a', 'b']);
    const token = tokens.getServerToken();
    const sent = server.requests.at(-1)!.headers.authorization!;
    expect(sent).toBe(`Bearer ${token}`);
    expect(error.message).toContain('[redacted]');
    const haystack = [error.message, inspect(error, { depth: 8 }), JSON.stringify(error.response), JSON.stringify(report), logger.text].join('\n');
    expect(haystack).not.toContain(token);
  });
});
