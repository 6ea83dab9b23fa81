import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EthoraEmulator } from '../../lib/testing/emulator/index.js';
import { call, createUsers, newUser, pause, signToken } from './emulator-test-kit.js';

describe('EthoraEmulator users', () => {
  let emulator: EthoraEmulator;
  let A: string;
  beforeEach(async () => {
    emulator = await new EthoraEmulator().start();
    A = emulator.appId;
  });
  afterEach(() => emulator.stop());

  const batch = (usersList: unknown[], path = '/v2/users/batch') =>
    call(emulator, 'POST', path, { body: { bypassEmailConfirmation: true, usersList } });

  it('accepts a batch with 202 and reports created/exists only through the job', async () => {
    emulator.jobs.configure({ delayMs: 600_000 }); // held until completeAll()
    const accepted = await batch([newUser('u1'), newUser('u2')]);
    expect(accepted.status).toBe(202);
    expect(accepted.body.statusUrl).toBe(`/v2/users/batch/${accepted.body.jobId}`);
    expect(emulator.state.userCount()).toBe(0); // nothing visible before the job reports it
    expect((await call(emulator, 'GET', accepted.body.statusUrl)).body.state).toBe('pending');
    emulator.jobs.completeAll();
    const job = await call(emulator, 'GET', accepted.body.statusUrl);
    expect(job.body).toMatchObject({ jobId: accepted.body.jobId, state: 'completed' });
    expect(job.body.result.results).toEqual([
      expect.objectContaining({ uuid: 'u1', status: 'created', xmppUsername: `${A}_u1` }),
      expect.objectContaining({ uuid: 'u2', status: 'created', xmppUsername: `${A}_u2` }),
    ]);
    expect(job.body.result.results[0].user).not.toHaveProperty('password');
    expect(emulator.state.user(A, 'u1')).toMatchObject({ hasPassword: true, emailConfirmed: true, firstName: 'Ann' });
    emulator.jobs.configure({ delayMs: 50 });
    expect(await createUsers(emulator, ['u1', 'u3', 'u3'])).toEqual([
      expect.objectContaining({ uuid: 'u1', status: 'exists' }),
      expect.objectContaining({ uuid: 'u3', status: 'created' }),
      expect.objectContaining({ uuid: 'u3', status: 'uuid_exists' }),
    ]);
  });

  it('runs jobs on the server clock: pending, running, completed, whether or not anyone polls', async () => {
    const polled = await batch([newUser('p1')]);
    const unpolled = await batch([newUser('p2')]);
    const states: string[] = [];
    while (states.at(-1) !== 'completed') {
      const state = (await call(emulator, 'GET', polled.body.statusUrl)).body.state as string;
      if (states.at(-1) !== state) states.push(state);
      await pause(2);
    }
    expect(['pending', 'running', 'completed'].filter((s) => states.includes(s))).toEqual(states);
    while (!emulator.state.user(A, 'p2')) await pause(5); // never polled, created all the same
    expect(emulator.state.job(unpolled.body.jobId)?.state).toBe('completed');
    expect((await call(emulator, 'GET', `/v2/apps/${A}/users/batch/${unpolled.body.jobId}`)).body.state).toBe('completed');
  });

  it('keeps finished jobs bounded by count', async () => {
    const small = await new EthoraEmulator({ jobs: { delayMs: 0, maxFinished: 2 } }).start();
    try {
      const ids: string[] = [];
      for (const u of ['k1', 'k2', 'k3']) ids.push((await call(small, 'POST', '/v2/users/batch', { body: { usersList: [newUser(u)] } })).body.jobId);
      expect(small.state.jobs().map((j) => j.jobId)).toEqual(ids.slice(1));
      expect((await call(small, 'GET', `/v2/users/batch/${ids[0]}`)).body.code).toBe('JOB_NOT_FOUND');
    } finally {
      await small.stop();
    }
  });

  it('fails the next job when failNext is armed, creating nobody', async () => {
    emulator.jobs.failNext();
    const failed = await batch([newUser('f1')]);
    const ok = await batch([newUser('f2')]);
    emulator.jobs.completeAll();
    const job = await call(emulator, 'GET', failed.body.statusUrl);
    expect(job.body).toMatchObject({ state: 'failed', error: expect.any(String) });
    expect(job.body.result).toBeUndefined();
    expect((await call(emulator, 'GET', ok.body.statusUrl)).body.state).toBe('completed');
    expect(emulator.state.users().map((u) => u.userId)).toEqual(['f2']);
  });

  it('answers POST /v1/users/batch synchronously; a duplicate is 422 { error } "already exists"', async () => {
    const res = await batch([newUser('s1')], '/v1/users/batch');
    expect(res).toMatchObject({ status: 200, body: { ok: true, results: [{ uuid: 's1', xmppUsername: `${A}_s1`, _id: expect.any(String) }] } });
    const dup = await batch([newUser('s2'), newUser('S1')], '/v1/users/batch');
    expect(dup).toMatchObject({ status: 422, body: { success: false, error: expect.stringContaining('already exist') } });
    expect(emulator.state.user(A, 's2')).toBeUndefined();
  });

  it('applies the one id rule: 1-256 characters, the alphabet, a collapsed prefix, case-insensitive identity', async () => {
    emulator.jobs.configure({ delayMs: 0 });
    expect((await batch([newUser(`${A}_x`), newUser(`${A.toUpperCase()}_${A}_y`), newUser('z'.repeat(256))])).status).toBe(202);
    expect(emulator.state.users().map((u) => u.userId)).toEqual(['x', 'y', 'z'.repeat(256)]);
    for (const bad of ['z'.repeat(257), 'a b', 'a/b', '.a', 'a.', 'a..b', '_a', 'a@b']) {
      expect((await batch([newUser(bad)])).body).toMatchObject({ code: 'VALIDATION_ERROR', error: expect.stringContaining('usersList[0].uuid') });
    }
    await batch([newUser('Alice')]);
    const again = await call(emulator, 'GET', (await batch([newUser('alice')])).body.statusUrl);
    expect(again.body.result.results[0]).toMatchObject({ status: 'exists', uuid: 'Alice' });
  });

  it('rejects the whole batch on a short name, a missing uuid, or a bad size', async () => {
    const short = await batch([newUser('ok'), newUser('bad', { lastName: 'L' })]);
    expect(short).toMatchObject({ status: 422, body: { code: 'VALIDATION_ERROR', message: expect.stringContaining('usersList[1].lastName') } });
    expect((await batch([newUser('x', { firstName: 7 })])).body.message).toContain('usersList[0].firstName');
    expect((await batch([newUser('', {})])).body.message).toContain('usersList[0].uuid');
    expect((await batch([])).status).toBe(422);
    const big = await batch(Array.from({ length: 101 }, (_, i) => newUser(`b${i}`)));
    expect(big).toMatchObject({ status: 422, body: { message: expect.stringContaining('usersList') } });
    expect((await batch(Array.from({ length: 100 }, (_, i) => newUser(`b${i}`)))).status).toBe(202);
    expect(emulator.state.jobs()).toHaveLength(1);
  });

  it('serves the app-scoped twin and 404s unknown or foreign jobs', async () => {
    expect(await createUsers(emulator, ['t1'])).toHaveLength(1);
    expect((await call(emulator, 'GET', `/v2/apps/${A}/users/batch/000000000000000000000000`)).body.code).toBe('JOB_NOT_FOUND');
    const { body } = await call(emulator, 'POST', `/v2/apps/${A}/chats/broadcast`, { body: { text: 'hi', allRooms: true } });
    expect((await call(emulator, 'GET', `/v2/apps/${A}/users/batch/${body.jobId}`)).status).toBe(404);
  });

  it('deletes users and their memberships; all-missing is a 422 string or JSON', async () => {
    await createUsers(emulator, ['d1', 'd2']);
    emulator.addRoom({ chatId: 'r1', members: ['d1', 'd2'] });
    const del = await call(emulator, 'DELETE', '/v1/users/batch', { body: { usersIdList: ['d1', 'ghost'] } });
    expect(del).toMatchObject({ status: 200, body: { ok: true, deleted: 1 } });
    expect(emulator.state.room(A, 'r1')?.members).toEqual(['d2']);
    const missing = await call(emulator, 'DELETE', '/v1/users/batch', { body: { usersIdList: ['ghost'] } });
    expect(missing.status).toBe(422);
    expect(missing.text).toBe('Users not found');
    expect(missing.headers.get('content-type')).toMatch(/text\/plain/);
    emulator.configure({ notFoundBody: 'json' });
    const json = await call(emulator, 'DELETE', `/v2/apps/${A}/users/batch`, { body: { usersIdList: ['ghost'] } });
    expect(json).toMatchObject({ status: 422, body: { code: 'NOT_FOUND', message: 'Users not found' } });
    expect((await call(emulator, 'DELETE', `/v2/apps/${A}/users/batch`, { body: { usersIdList: ['d2'] } })).status).toBe(200);
  });

  it('exchanges a client token for session tokens, never creating users', async () => {
    await createUsers(emulator, ['alice']);
    const client = (userId: string) => signToken(emulator, { type: 'client', userId });
    const ok = await call(emulator, 'POST', '/v1/users/client', { token: null, headers: { 'x-custom-token': client('alice') } });
    expect(ok).toMatchObject({ status: 200, body: { token: expect.any(String), refreshToken: expect.any(String), user: { xmppUsername: `${A}_alice` } } });
    const unknown = await call(emulator, 'POST', '/v1/users/client', { token: null, headers: { 'x-custom-token': client('bob') } });
    expect(unknown).toMatchObject({ status: 401, body: { code: 'USER_NOT_FOUND' } });
    const server = await call(emulator, 'POST', '/v1/users/client');
    expect(server.body.code).toBe('WRONG_TOKEN_TYPE');
    expect(emulator.state.userCount()).toBe(1);
  });

  it('updates users: updated / not-found / skipped, and 422 on a short name', async () => {
    await createUsers(emulator, ['e1', 'e2']);
    const res = await call(emulator, 'PATCH', '/v2/chats/users', {
      body: { users: [{ xmppUsername: `${A}_e1`, firstName: 'Zed' }, { xmppUsername: `${A}_nobody`, firstName: 'Zed' }, { xmppUsername: `${A}_e2` }, { xmppUsername: `${A}_e2`, lastName: 'Lee' }] },
    });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['updated', 'not-found', 'skipped', 'skipped']);
    expect(emulator.state.user(A, 'e1')?.firstName).toBe('Zed');
    const short = await call(emulator, 'PATCH', '/v2/chats/users', { body: { users: [{ xmppUsername: `${A}_e1`, lastName: 'Q' }] } });
    expect(short).toMatchObject({ status: 422, body: { message: expect.stringContaining('users[0].lastName') } });
    // A doubled prefix collapses, and the app-scoped twin is the same update (never a room update).
    const doubled = await call(emulator, 'PATCH', `/v2/apps/${A}/chats/users`, { body: { users: [{ xmppUsername: `${A}_${A}_e1`, firstName: 'Zoe' }] } });
    expect(doubled.body.results).toEqual([expect.objectContaining({ status: 'updated', user: expect.objectContaining({ xmppUsername: `${A}_e1` }) })]);
    expect((await call(emulator, 'PATCH', '/v2/chats/users', { body: { users: [] } })).status).toBe(422);
  });

  it('pages 100,000 users by limit/offset quickly and validates limit', async () => {
    emulator.addUsers(Array.from({ length: 100_000 }, (_, i) => ({ userId: `p${i}` })));
    const started = Date.now();
    const last = await call(emulator, 'GET', '/v2/chats/users?limit=500&offset=99900');
    expect(last.body).toMatchObject({ limit: 500, offset: 99900 });
    expect(last.body.results).toHaveLength(100);
    expect(last.body.results[0].uuid).toBe('p99900');
    expect(last.body).not.toHaveProperty('total');
    expect((await call(emulator, 'GET', '/v2/chats/users')).body.results).toHaveLength(100);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await call(emulator, 'GET', '/v2/chats/users?limit=501')).status).toBe(422);
    expect((await call(emulator, 'GET', '/v2/chats/users?limit=0')).status).toBe(422);
    expect((await call(emulator, 'GET', '/v2/chats/users?offset=-1')).status).toBe(422);
  });

  it('filters users by chatName, xmppUsername and userId, and lists a user\'s chats', async () => {
    await createUsers(emulator, ['m1', 'm2', 'm3']);
    emulator.addRoom({ chatId: 'room', title: 'Room', members: ['m1', 'm2'] });
    const inRoom = await call(emulator, 'GET', `/v2/chats/users?chatName=${A}_room&limit=1&offset=1`);
    expect(inRoom.body.results.map((u: { uuid: string }) => u.uuid)).toEqual(['m2']);
    expect((await call(emulator, 'GET', `/v2/chats/users?xmppUsername=${A}_m3`)).body.results).toHaveLength(1);
    expect((await call(emulator, 'GET', `/v2/chats/users?userId=m3&chatName=${A}_room`)).body.results).toHaveLength(0);
    const chats = await call(emulator, 'GET', `/v2/apps/${A}/users/m1/chats?includeMembers=true`);
    expect(chats.body.chats).toEqual([
      expect.objectContaining({ name: `${A}_room`, title: 'Room', type: 'group', members: [{ xmppUsername: `${A}_m1` }, { xmppUsername: `${A}_m2` }] }),
    ]);
    expect((await call(emulator, 'GET', `/v2/apps/${A}/users/m1/chats`)).body.chats[0]).not.toHaveProperty('members');
    expect((await call(emulator, 'GET', `/v2/apps/${A}/users/nobody/chats`)).body.code).toBe('USER_NOT_FOUND');
  });
});
