import { beforeEach, describe, expect, it } from '@jest/globals';
import type { EthoraEmulator } from '../../lib/testing/emulator/index.js';
import { call, freshEmulatorPerTest, newUser } from './emulator-test-kit.js';

/** The §7.1 routes Ethora's own clients call, with the statuses and bodies §7 gives. */
describe('EthoraEmulator routes as Ethora clients use them', () => {
  const fresh = freshEmulatorPerTest();
  let emulator: EthoraEmulator;
  let A: string;
  beforeEach(() => {
    ({ emulator, appId: A } = fresh);
  });

  it('answers GET /ping and /v1/ping without a token; an unknown path is 404 ROUTE_NOT_FOUND in the §7.4 shape', async () => {
    expect((await call(emulator, 'GET', '/ping', { token: null })).status).toBe(200);
    expect((await call(emulator, 'GET', '/v1/ping', { token: null })).status).toBe(200);
    const unknown = await call(emulator, 'PUT', '/v2/chats/users');
    expect(unknown).toMatchObject({ status: 404, body: { success: false, error: expect.any(String), code: 'ROUTE_NOT_FOUND' } });
  });

  it('takes PATCH /v2/apps/{appId}/chats/users as the users update, never as a room update', async () => {
    emulator.addUser({ userId: 'u1' });
    emulator.addRoom({ chatId: 'users' }); // even a room called "users" does not capture the fixed route
    const res = await call(emulator, 'PATCH', `/v2/apps/${A}/chats/users`, { body: { users: [{ xmppUsername: `${A}_u1`, firstName: 'Zed', uuid: `${A}_u1` }] } });
    expect(res).toMatchObject({ status: 200, body: { results: [{ xmppUsername: `${A}_u1`, status: 'updated', user: { xmppUsername: `${A}_u1` } }] } });
    expect(emulator.state.room(A, 'users')?.title).toBe('users');
  });

  it('grants through the v1 access route with plain ids, and polls user jobs unscoped', async () => {
    emulator.addUser({ userId: 'p1' });
    emulator.addRoom({ chatId: 'r1' });
    expect((await call(emulator, 'POST', '/v1/chats/users-access', { body: { chatName: `${A}_r1`, members: ['p1'] } })).body).toEqual({ ok: true });
    expect(emulator.state.room(A, 'r1')?.members).toEqual(['p1']);
    expect((await call(emulator, 'DELETE', '/v1/chats/users-access', { body: { chatName: `${A}_r1`, members: ['p1'] } })).status).toBe(200);
    const job = await call(emulator, 'POST', `/v2/apps/${A}/users/batch`, { body: { usersList: [newUser('j1')] } });
    emulator.jobs.completeAll();
    expect((await call(emulator, 'GET', `/v2/users/batch/${job.body.jobId}`)).body).toMatchObject({ state: 'completed' });
    expect((await call(emulator, 'GET', '/v2/users/batch/000000000000000000000000')).status).toBe(404);
  });

  it('grants a member whose creation is still queued; the grant lapses if the job fails', async () => {
    emulator.jobs.configure({ delayMs: 600_000 });
    emulator.addRoom({ chatId: 'r1' });
    await call(emulator, 'POST', '/v2/users/batch', { body: { usersList: [newUser('q1')] } });
    emulator.jobs.failNext();
    await call(emulator, 'POST', '/v2/users/batch', { body: { usersList: [newUser('q2')] } });
    expect((await call(emulator, 'POST', '/v2/chats/users-access', { body: { chatName: `${A}_r1`, members: [`${A}_q1`, `${A}_q2`] } })).status).toBe(200);
    expect((await call(emulator, 'POST', '/v2/chats/users-access', { body: { chatName: `${A}_r1`, members: [`${A}_never`] } })).status).toBe(422);
    emulator.jobs.completeAll();
    expect(emulator.state.room(A, 'r1')?.members).toEqual(['q1']);
    expect(emulator.state.user(A, 'q1')?.rooms).toEqual(['r1']);
  });

  it('finds a user by xmppUsername on GET /v1/apps/users/{xmppUsername}', async () => {
    emulator.addUser({ userId: 'who' });
    expect((await call(emulator, 'GET', `/v1/apps/users/${A}_who`)).body.user).toMatchObject({ xmppUsername: `${A}_who` });
    expect((await call(emulator, 'GET', `/v1/apps/users/${A}_nobody`)).status).toBe(404);
  });

  it('serves the app-token routes: bot, broadcast, messages and history', async () => {
    const { token } = (await call(emulator, 'POST', `/v2/apps/${A}/tokens`, { body: {} })).body;
    const asToken = { token: null, headers: { authorization: `JWT ${token}` } };
    expect((await call(emulator, 'PUT', '/v2/bot', { ...asToken, body: { status: 'on' } })).body.bot).toMatchObject({ status: 'on' });
    expect((await call(emulator, 'GET', '/v2/bot', asToken)).body.bot).toMatchObject({ status: 'on' });
    emulator.addRoom({ chatId: 'r1' });
    const cast = await call(emulator, 'POST', '/v2/chats/broadcast', { ...asToken, body: { text: 'Hi', chatIds: ['r1'] } });
    expect(cast).toMatchObject({ status: 202, body: { jobId: expect.any(String), statusUrl: `/v2/chats/broadcast/${cast.body.jobId}` } });
    expect((await call(emulator, 'POST', '/v2/chats/broadcast', { ...asToken, body: { text: 'Hi' } })).status).toBe(400);
    emulator.jobs.completeAll();
    expect((await call(emulator, 'GET', cast.body.statusUrl, asToken)).body).toMatchObject({ state: 'completed', result: { sent: 1 } });
    const sent = await call(emulator, 'POST', '/v2/chats/messages', { ...asToken, body: { text: 'hello', mode: 'private', nickname: 'bob' } });
    expect(sent).toMatchObject({ status: 200, body: { ok: true, messageId: expect.any(String) } });
    const history = await call(emulator, 'GET', `/v2/chats/history?mode=private&nickname=${A}_bob&limit=5`, asToken);
    expect(history.body.messages).toEqual([expect.objectContaining({ text: 'hello', to: `${A}_bob` })]);
    expect((await call(emulator, 'GET', '/v2/chats/history?mode=group', asToken)).status).toBe(422);
  });

  it('patches an app and reports a total on the apps list', async () => {
    expect((await call(emulator, 'PATCH', `/v2/apps/${A}`, { body: { displayName: 'Renamed', appTagline: 'x' } })).body.app).toMatchObject({ displayName: 'Renamed' });
    expect((await call(emulator, 'GET', '/v2/apps')).body).toMatchObject({ total: 1, apps: [expect.objectContaining({ _id: A })] });
  });

  it('answers a foreign app 403 { error: "Forbidden" }', async () => {
    const other = emulator.addApp();
    expect((await call(emulator, 'GET', `/v2/apps/${other.appId}`)).body).toMatchObject({ error: 'Forbidden', code: 'FORBIDDEN' });
  });
});
