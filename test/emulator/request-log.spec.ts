import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EthoraEmulator } from '../../lib/testing/emulator/index.js';
import { call, createUsers, newUser, signToken } from './emulator-test-kit.js';

describe('EthoraEmulator request log and reset', () => {
  let emulator: EthoraEmulator;
  beforeEach(async () => {
    emulator = await new EthoraEmulator().start();
  });
  afterEach(() => emulator.stop());

  it('records method, path, query, body and auth, redacting tokens and passwords', async () => {
    const token = signToken(emulator);
    await call(emulator, 'POST', '/v2/users/batch?trace=1', {
      token,
      body: { bypassEmailConfirmation: true, usersList: [newUser('u1', { nested: { clientSecret: 's3cr3t' } })] },
    });
    const [entry] = emulator.requests;
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/v2/users/batch',
      route: '/v2/users/batch',
      query: { trace: '1' },
      status: 202,
      requestId: expect.stringMatching(/^emu-/),
      auth: { type: 'server', appId: emulator.appId, keyMode: 'scoped', bothHeaders: true },
      headers: { authorization: '[redacted]', 'x-custom-token': '[redacted]' },
    });
    expect(entry?.body).toMatchObject({ usersList: [{ uuid: 'u1', password: '[redacted]', nested: { clientSecret: '[redacted]' } }] });
    const serialized = JSON.stringify(emulator.requests);
    expect(serialized).not.toContain(token);
    expect(serialized).not.toContain('hunter2');
    expect(serialized).not.toContain(emulator.appSecret);
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0);
    emulator.clearRequests();
    expect(emulator.requests).toEqual([]);
  });

  it('keeps only the last requestLogLimit entries', async () => {
    const small = await new EthoraEmulator({ requestLogLimit: 3 }).start();
    try {
      for (let i = 0; i < 8; i++) await call(small, 'GET', `/v1/ping?i=${i}`, { token: null });
      expect(small.requests.map((r) => r.query.i)).toEqual(['5', '6', '7']);
    } finally {
      await small.stop();
    }
  });

  it('reset() clears data, jobs, tokens, child apps, log and faults, but keeps configured apps', async () => {
    const extra = emulator.addApp({ displayName: 'Extra' });
    await createUsers(emulator, ['u1']);
    emulator.addRoom({ chatId: 'r1', members: ['u1'] });
    await call(emulator, 'POST', `/v2/apps/${emulator.appId}/tokens`, { body: {} });
    await call(emulator, 'POST', '/v2/apps', { body: { displayName: 'Child' } });
    emulator.faults.add({ path: '/nowhere', status: 500 });
    emulator.jobs.failNext(3);
    emulator.configure({ notFoundBody: 'json' });
    emulator.reset();
    expect(emulator.state.users()).toEqual([]);
    expect(emulator.state.rooms()).toEqual([]);
    expect(emulator.state.jobs()).toEqual([]);
    expect(emulator.state.tokens()).toEqual([]);
    expect(emulator.state.apps().map((a) => a.appId)).toEqual([emulator.appId, extra.appId]);
    expect(emulator.requests).toEqual([]);
    expect(emulator.faults.size).toBe(0);
    expect(emulator.jobs.pendingFailures).toBe(0);
    expect((await call(emulator, 'DELETE', '/v1/chats', { body: { name: `${emulator.appId}_r1` } })).text).toBe('Chat room not found');
    expect((await call(emulator, 'GET', '/v2/apps', { token: signToken(emulator, { appId: extra.appId, secret: extra.appSecret }) })).status).toBe(200);
  });
});
