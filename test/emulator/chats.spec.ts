import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EthoraEmulator } from '../../lib/testing/emulator/index.js';
import { call, createUsers } from './emulator-test-kit.js';

describe('EthoraEmulator rooms and access', () => {
  let emulator: EthoraEmulator;
  let A: string;
  beforeEach(async () => {
    emulator = await new EthoraEmulator().start();
    A = emulator.appId;
    await createUsers(emulator, ['u1', 'u2', 'u3']);
  });
  afterEach(() => emulator.stop());

  const room = (uuid: string, extra: Record<string, unknown> = {}) => ({ title: 'Room', uuid, type: 'group', ...extra });

  it('creates a room named and addressed by the app prefix; a duplicate uuid is 422', async () => {
    const res = await call(emulator, 'POST', '/v2/chats', { body: room('r1', { members: [`${A}_u1`, 'u2'] }) });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({
      name: `${A}_r1`,
      jid: `${A}_r1@conference.xmpp.emulator.local`,
      title: 'Room',
      type: 'group',
      members: [{ xmppUsername: `${A}_u1` }, { xmppUsername: `${A}_u2` }],
    });
    const dup = await call(emulator, 'POST', `/v2/apps/${A}/chats`, { body: room('r1') });
    expect(dup).toMatchObject({ status: 422, body: { success: false, error: 'Chat room already exists', code: 'ALREADY_EXISTS' } });
    expect(emulator.state.user(A, 'u1')?.rooms).toEqual(['r1']);
  });

  it('validates room bodies: title, type, unknown members; collapses a doubled prefix', async () => {
    expect((await call(emulator, 'POST', '/v2/chats', { body: room('r', { title: '' }) })).body.message).toContain('title');
    expect((await call(emulator, 'POST', '/v2/chats', { body: room('r', { type: 'private' }) })).body.message).toContain('type');
    expect((await call(emulator, 'POST', '/v2/chats', { body: { title: 'T', uuid: 'r' } })).status).toBe(422);
    expect((await call(emulator, 'POST', '/v2/chats', { body: room('a/b') })).body.message).toContain('uuid');
    const foreign = await call(emulator, 'POST', '/v2/chats', { body: room('r', { members: ['ffffffffffffffffffffffff_u1'] }) });
    expect(foreign.body.message).toContain('another app');
    const unknown = await call(emulator, 'POST', '/v2/chats', { body: room('r', { members: [`${A}_ghost`, 'u1'] }) });
    expect(unknown).toMatchObject({ status: 422, body: { message: expect.stringContaining('ghost'), missing: [`${A}_ghost`] } });
    expect(emulator.state.roomCount()).toBe(0);
    const doubled = await call(emulator, 'POST', '/v2/chats', { body: room(`${A}_r`, { members: [`${A}_${A}_u1`] }) });
    expect(doubled.body.result).toMatchObject({ name: `${A}_r`, members: [{ xmppUsername: `${A}_u1` }] });
  });

  it('grants and removes access with set semantics, on both route forms', async () => {
    emulator.addRoom({ chatId: 'r1' });
    const body = { chatName: `${A}_r1`, members: [`${A}_u1`, `${A}_u2`] };
    expect((await call(emulator, 'POST', '/v2/chats/users-access', { body })).body).toEqual({ ok: true });
    expect((await call(emulator, 'POST', `/v2/apps/${A}/chats/users-access`, { body })).status).toBe(200);
    expect(emulator.state.room(A, 'r1')?.members).toEqual(['u1', 'u2']);
    const jidForm = { chatName: `${A}_r1@conference.xmpp.emulator.local`, members: [`${A}_u1@xmpp.emulator.local`] };
    expect((await call(emulator, 'DELETE', '/v2/chats/users-access', { body: jidForm })).status).toBe(200);
    expect(emulator.state.room(A, 'r1')?.members).toEqual(['u2']);
    expect(emulator.state.user(A, 'u1')?.rooms).toEqual([]);
    expect((await call(emulator, 'DELETE', `/v2/apps/${A}/chats/users-access`, { body })).status).toBe(200);
    expect(emulator.state.room(A, 'r1')?.members).toEqual([]);
  });

  it('rejects access changes on a missing room, unknown users and bad sizes; tolerates plain and doubled names', async () => {
    emulator.addRoom({ chatId: 'r1' });
    const missing = await call(emulator, 'POST', '/v2/chats/users-access', { body: { chatName: `${A}_nope`, members: [`${A}_u1`] } });
    expect(missing).toMatchObject({ status: 422, body: { code: 'NOT_FOUND', message: 'Chat room not found' } });
    const plainName = await call(emulator, 'POST', '/v2/chats/users-access', { body: { chatName: 'r1', members: [`${A}_u1`] } });
    expect(plainName.status).toBe(200);
    const ghost = await call(emulator, 'POST', '/v2/chats/users-access', { body: { chatName: `${A}_r1`, members: [`${A}_ghost`] } });
    expect(ghost.body.message).toContain('ghost');
    const double = await call(emulator, 'POST', '/v2/chats/users-access', { body: { chatName: `${A}_${A}_r1`, members: [`${A}_u1`] } });
    expect(double.status).toBe(200);
    expect((await call(emulator, 'POST', '/v2/chats/users-access', { body: { chatName: `${A}_r1`, members: [] } })).status).toBe(422);
    const tooMany = Array.from({ length: 101 }, () => `${A}_u1`);
    expect((await call(emulator, 'POST', '/v2/chats/users-access', { body: { chatName: `${A}_r1`, members: tooMany } })).status).toBe(422);
  });

  it('deletes rooms; a missing room is a 422 string, or JSON when configured', async () => {
    emulator.addRoom({ chatId: 'r1', members: ['u1'] });
    expect((await call(emulator, 'DELETE', '/v1/chats', { body: { name: `${A}_r1` } })).body).toEqual({ ok: true });
    expect(emulator.state.user(A, 'u1')?.rooms).toEqual([]);
    const again = await call(emulator, 'DELETE', '/v1/chats', { body: { name: `${A}_r1` } });
    expect(again).toMatchObject({ status: 422, text: 'Chat room not found' });
    emulator.configure({ notFoundBody: 'json' });
    const json = await call(emulator, 'DELETE', `/v2/apps/${A}/chats`, { body: { name: `${A}_r1` } });
    expect(json).toMatchObject({ status: 422, body: { code: 'NOT_FOUND', message: 'Chat room not found' } });
  });

  it('updates a room and lists rooms by page', async () => {
    for (let i = 0; i < 5; i++) emulator.addRoom({ chatId: `r${i}` });
    const patched = await call(emulator, 'PATCH', `/v2/apps/${A}/chats/${A}_r2`, { body: { title: 'New', description: 'D' } });
    expect(patched.body.result).toMatchObject({ name: `${A}_r2`, title: 'New', description: 'D' });
    expect((await call(emulator, 'PATCH', `/v2/apps/${A}/chats/${A}_zz`, { body: { title: 'New' } })).status).toBe(422);
    const page = await call(emulator, 'GET', `/v2/apps/${A}/chats?limit=2&offset=3`);
    expect(page.body).toMatchObject({ limit: 2, offset: 3 });
    expect(page.body.chats.map((c: { name: string }) => c.name)).toEqual([`${A}_r3`, `${A}_r4`]);
  });
});
