import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EthoraEmulator } from '../../lib/testing/emulator/index.js';
import { call, createUsers, signToken } from './emulator-test-kit.js';

describe('EthoraEmulator apps, tokens, bot, provisioning and broadcasts', () => {
  let emulator: EthoraEmulator;
  let A: string;
  beforeEach(async () => {
    emulator = await new EthoraEmulator().start();
    A = emulator.appId;
  });
  afterEach(() => emulator.stop());

  it('creates a child app whose appToken and secret work, and lists/gets/deletes it', async () => {
    const created = await call(emulator, 'POST', '/v2/apps', { body: { displayName: 'Child', domainName: 'child.example' } });
    expect(created.status).toBe(200);
    const child = created.body.app;
    expect(child).toMatchObject({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), displayName: 'Child', parentAppId: A, appToken: expect.any(String) });
    expect(child).not.toHaveProperty('secret');
    const childSecret = emulator.state.app(child._id)?.secret as string;
    expect((await call(emulator, 'GET', `/v2/apps/${child._id}/bot`, { token: child.appToken })).status).toBe(200);
    const own = await createUsers(emulator, ['c1'], child._id, signToken(emulator, { appId: child._id, secret: childSecret }));
    expect(own[0]).toMatchObject({ xmppUsername: `${child._id}_c1` });
    // The parent may act on its child's path; the data lands in the child app.
    expect((await call(emulator, 'GET', `/v2/apps/${child._id}`)).body.app).toMatchObject({ _id: child._id });
    expect(emulator.state.userCount(child._id)).toBe(1);
    const list = await call(emulator, 'GET', '/v2/apps?order=desc&orderBy=createdAt&limit=10');
    expect(list.body.apps.map((a: { _id: string }) => a._id)).toEqual([child._id, A]);
    expect((await call(emulator, 'GET', '/v2/apps?order=sideways')).status).toBe(422);
    expect((await call(emulator, 'POST', '/v2/apps', { body: { displayName: 'C' } })).status).toBe(422);
    expect((await call(emulator, 'DELETE', `/v2/apps/${child._id}`)).body).toEqual({ ok: true });
    expect((await call(emulator, 'GET', `/v2/apps/${child._id}`)).body.code).toBe('APP_NOT_FOUND');
    expect((await call(emulator, 'DELETE', `/v2/apps/${A}`)).status).toBe(403);
  });

  it('forbids a token from acting on an app that is neither its own nor its child', async () => {
    const other = emulator.addApp({ displayName: 'Other' });
    const res = await call(emulator, 'GET', `/v2/apps/${other.appId}/bot`);
    expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const byOther = await call(emulator, 'POST', `/v2/apps/${A}/users/batch`, {
      token: signToken(emulator, { appId: other.appId, secret: other.appSecret }),
      body: { usersList: [] },
    });
    expect(byOther.status).toBe(403);
    // A child cannot act on its parent.
    const child = (await call(emulator, 'POST', '/v2/apps', { body: { displayName: 'Kid' } })).body.app;
    expect((await call(emulator, 'GET', `/v2/apps/${A}/bot`, { token: child.appToken })).status).toBe(403);
    expect((await call(emulator, 'GET', '/v2/apps/ffffffffffffffffffffffff/bot')).status).toBe(404);
  });

  it('creates, lists, rotates and revokes app tokens; a token is a credential in either header', async () => {
    const base = `/v2/apps/${A}/tokens`;
    const created = await call(emulator, 'POST', base, { body: { label: 'ci' } });
    const { tokenId, token } = created.body;
    expect(created.body).toMatchObject({ tokenId: expect.any(String), token: expect.any(String) });
    const listed = await call(emulator, 'GET', base);
    expect(listed.body.tokens).toEqual([expect.objectContaining({ tokenId, label: 'ci', createdAt: expect.any(String) })]);
    expect(listed.text).not.toContain(token);
    for (const headers of <Record<string, string>[]>[{ authorization: `JWT ${token}` }, { authorization: `bearer ${token}` }, { 'x-custom-token': token }, { 'x-custom-token': `JWT ${token}` }]) {
      expect((await call(emulator, 'GET', '/v2/bot', { token: null, headers })).status).toBe(200);
    }
    expect(emulator.requests.at(-1)?.auth).toMatchObject({ tokenId, keyMode: 'scoped' });
    expect((await call(emulator, 'POST', '/v2/chats/broadcast', { token, body: { text: 'hi', allRooms: true } })).status).toBe(202);
    const rotated = await call(emulator, 'POST', `${base}/${tokenId}/rotate`);
    expect(rotated.body).toMatchObject({ tokenId: expect.any(String), token: expect.any(String), label: 'ci' });
    expect(rotated.body.tokenId).not.toBe(tokenId);
    expect((await call(emulator, 'GET', '/v2/bot', { token })).body.code).toBe('TOKEN_REVOKED');
    expect((await call(emulator, 'GET', '/v2/bot', { token: rotated.body.token })).status).toBe(200);
    expect((await call(emulator, 'POST', `${base}/${tokenId}/rotate`)).status).toBe(404);
    expect((await call(emulator, 'DELETE', `${base}/${rotated.body.tokenId}`)).status).toBe(200);
    expect((await call(emulator, 'DELETE', `${base}/${rotated.body.tokenId}`)).status).toBe(200); // idempotent
    expect((await call(emulator, 'GET', '/v2/bot', { token: rotated.body.token })).status).toBe(401);
    expect((await call(emulator, 'POST', `${base}/nope/rotate`)).status).toBe(404);
  });

  it('reads and validates the chatbot settings', async () => {
    expect((await call(emulator, 'GET', `/v2/apps/${A}/bot`)).body.bot).toMatchObject({ status: 'off', trigger: 'any_message' });
    const put = await call(emulator, 'PUT', `/v2/apps/${A}/bot`, { body: { status: 'on', trigger: '/bot', prompt: 'Be nice', greetingMessage: 'Hi' } });
    expect(put.body.bot).toMatchObject({ status: 'on', trigger: '/bot', prompt: 'Be nice', greetingMessage: 'Hi' });
    expect((await call(emulator, 'PUT', `/v2/apps/${A}/bot`, { body: { status: 'maybe' } })).status).toBe(422);
    expect((await call(emulator, 'PUT', `/v2/apps/${A}/bot`, { body: { trigger: 'all' } })).body.message).toContain('trigger');
    expect(emulator.state.bot()).toMatchObject({ status: 'on' });
  });

  it('provisions rooms', async () => {
    const res = await call(emulator, 'POST', `/v2/apps/${A}/provision`, { body: { rooms: [{ title: 'General', pinned: true }, { title: 'Random' }] } });
    expect(res.body).toMatchObject({ ok: true, rooms: [{ title: 'General', pinned: true }, { title: 'Random' }] });
    expect(emulator.state.roomCount()).toBe(2);
    expect((await call(emulator, 'POST', `/v2/apps/${A}/provision`, { body: { rooms: [{}] } })).status).toBe(422);
  });

  it('runs broadcasts as jobs and validates the target', async () => {
    emulator.addRoom({ chatId: 'r1' });
    emulator.addRoom({ chatId: 'r2' });
    const base = `/v2/apps/${A}/chats/broadcast`;
    const all = await call(emulator, 'POST', base, { body: { text: 'hello', allRooms: true } });
    expect(all.status).toBe(202);
    emulator.jobs.completeAll();
    expect((await call(emulator, 'GET', `${base}/${all.body.jobId}`)).body).toMatchObject({ state: 'completed', result: { sent: 2 } });
    const named = await call(emulator, 'POST', base, { body: { text: 'hi', chatNames: [`${A}_r1`] } });
    emulator.jobs.completeAll();
    expect((await call(emulator, 'GET', `${base}/${named.body.jobId}`)).body.result).toEqual({ sent: 1 });
    expect(emulator.state.broadcasts().map((b) => b.chatNames)).toEqual([[`${A}_r1`, `${A}_r2`], [`${A}_r1`]]);
    emulator.jobs.failNext();
    const failing = await call(emulator, 'POST', base, { body: { text: 'x', chatIds: ['r2'] } });
    emulator.jobs.completeAll();
    expect((await call(emulator, 'GET', `${base}/${failing.body.jobId}`)).body.state).toBe('failed');
    expect(emulator.state.broadcasts()).toHaveLength(2);
    expect((await call(emulator, 'POST', base, { body: { text: 'x', allRooms: true, chatIds: ['r1'] } })).status).toBe(400);
    expect((await call(emulator, 'POST', base, { body: { text: 'x' } })).status).toBe(400);
    expect((await call(emulator, 'POST', base, { body: { allRooms: true } })).body.message).toContain('text');
    expect((await call(emulator, 'POST', base, { body: { text: 'x', chatIds: ['nope'] } })).body.message).toContain('nope');
    expect((await call(emulator, 'GET', `${base}/000000000000000000000000`)).status).toBe(404);
  });
});
