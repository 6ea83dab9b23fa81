import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EthoraConnectionError, EthoraUnexpectedResponseError, isEthoraApiError } from '../../lib/errors/index.js';
import { EthoraAppsService } from '../../lib/index.js';
import { dropMidBody, HostileServer, json, moduleAgainst, text } from './hostile-server.js';

const LOGIN_PAGE = '<html><body><form action="/sso/login">Please sign in</form></body></html>';

// Issue 12.5 and 12.6: a 2xx that is not the promised JSON is never success; a body cut off mid-way is a
// connection error, retried where the route is safe to repeat.
describe('hostile server: answers of the wrong shape', () => {
  let server: HostileServer;
  let ctx: Awaited<ReturnType<typeof moduleAgainst>>;
  beforeAll(async () => {
    server = await new HostileServer().start();
    ctx = await moduleAgainst(server, { maxRetries: 2 });
  });
  afterAll(async () => {
    await ctx.close();
    await server.stop();
  });

  const rejectsUnexpected = async (call: () => Promise<unknown>) => {
    const before = server.requests.length;
    const error = await call().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(EthoraUnexpectedResponseError);
    expect(isEthoraApiError(error) && error.code).toBe('unexpected_response');
    expect(server.requests.length - before).toBe(1); // not retried: the outcome is unknown, not transient
    return error as EthoraUnexpectedResponseError;
  };

  it('a proxy login page answering 200: createChatRoom does not report "created"', async () => {
    server.use(text(200, LOGIN_PAGE));
    const error = await rejectsUnexpected(() => ctx.service.createChatRoom('room'));
    expect(error.message).toMatch(/POST \/v2\/chats answered 200 with text, not JSON: <html><body><form/);
    expect(error.status).toBe(200);
    expect(error.response?.data).toBe(LOGIN_PAGE);
  });

  it('the login page: deletes do not report ok, single grants do not resolve', async () => {
    server.use(text(200, LOGIN_PAGE));
    await rejectsUnexpected(() => ctx.service.deleteChatRoom('room'));
    await rejectsUnexpected(() => ctx.service.deleteUsers(['a', 'b']));
    await rejectsUnexpected(() => ctx.service.grantUserAccessToChatRoom('room', 'a'));
  });

  it('the login page: a 250-user grant reports every user failed with unexpected_response', async () => {
    server.use(text(200, LOGIN_PAGE));
    const userIds = Array.from({ length: 250 }, (_, i) => `user-${i}`);
    const report = await ctx.service.bulkGrantAccess('room', userIds);
    expect(report.ok).toBe(false);
    expect(report.totals).toEqual({ users: 250, succeeded: 0, failed: 250 });
    expect(report.users[0].error).toMatchObject({ code: 'unexpected_response', status: 200 });
  });

  it('a null body is a typed error, not a TypeError', async () => {
    server.use(json(200, null));
    await rejectsUnexpected(() => ctx.service.createChatRoom('room'));
    await rejectsUnexpected(() => ctx.service.getUsers());
  });

  it('objects without the promised parts: a list without a list, a job without a state', async () => {
    server.use(json(200, { error: 'nope' }));
    await rejectsUnexpected(() => ctx.service.getUsers());
    await rejectsUnexpected(() => ctx.service.waitForJob('job-1', { kind: 'users', pollIntervalMs: 1 }));
  });

  it('an empty 200 is fine where Ethora documents no answer body', async () => {
    server.use(text(200, '', 'application/json'));
    await expect(ctx.service.grantUserAccessToChatRoom('room', 'a')).resolves.toBeUndefined();
  });

  it('a connection dropped mid-body is a connection error, retried on a retry-safe route', async () => {
    server.use(dropMidBody());
    const before = server.requests.length;
    const error = await ctx.service.createChatRoom('room').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(EthoraConnectionError);
    expect((error as Error).message).toMatch(/POST \/v2\/chats got no answer \(.*body cut off\) after 3 attempt\(s\)/);
    expect(server.requests.length - before).toBe(3);
  });

  it('a connection dropped mid-body is not retried on a route that is not safe to repeat', async () => {
    server.use(dropMidBody());
    const before = server.requests.length;
    await expect(ctx.moduleRef.get(EthoraAppsService).createApp({ displayName: 'Acme' })).rejects.toBeInstanceOf(EthoraConnectionError);
    expect(server.requests.length - before).toBe(1);
  });
});
