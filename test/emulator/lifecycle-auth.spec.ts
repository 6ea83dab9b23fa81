import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { EthoraEmulator } from '../../lib/testing/emulator/index.js';
import { deriveSigningKey } from '../../lib/tokens/signing-key.js';
import { call, signToken } from './emulator-test-kit.js';

describe('EthoraEmulator lifecycle and auth', () => {
  let emulator: EthoraEmulator;
  beforeEach(async () => {
    emulator = await new EthoraEmulator().start();
  });
  afterEach(() => emulator.stop());

  it('listens on a random port and exposes url, ids and env', async () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.appId).toMatch(/^[0-9a-f]{24}$/);
    expect(emulator.appSecret.length).toBeGreaterThanOrEqual(32);
    expect(emulator.env()).toMatchObject({ ETHORA_CHAT_API_URL: emulator.url, ETHORA_CHAT_APP_ID: emulator.appId });
    await emulator.stop();
    expect(() => emulator.url).toThrow(/not started/);
    await emulator.start(); // restartable
    expect((await call(emulator, 'GET', '/v1/ping', { token: null })).status).toBe(200);
  });

  it('answers ping without auth', async () => {
    const res = await call(emulator, 'GET', '/v1/ping', { token: null });
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('accepts scoped and legacy keys and records which one matched', async () => {
    const scoped = await call(emulator, 'GET', `/v2/apps/${emulator.appId}/bot`);
    const legacy = await call(emulator, 'GET', `/v2/apps/${emulator.appId}/bot`, { token: signToken(emulator, { mode: 'legacy' }) });
    expect([scoped.status, legacy.status]).toEqual([200, 200]);
    const [a, b] = emulator.requests;
    expect(a?.auth).toMatchObject({ type: 'server', appId: emulator.appId, keyMode: 'scoped', bothHeaders: true, payload: { data: { type: 'server' } } });
    expect(b?.auth).toMatchObject({ keyMode: 'legacy' });
  });

  it('accepts a token in x-custom-token alone, or in Authorization alone', async () => {
    const token = signToken(emulator);
    const custom = await call(emulator, 'GET', '/v2/apps', { token: null, headers: { 'x-custom-token': token } });
    const bearer = await call(emulator, 'GET', '/v2/apps', { token: null, headers: { authorization: `Bearer ${token}` } });
    expect([custom.status, bearer.status]).toEqual([200, 200]);
    expect(emulator.requests.map((r) => r.auth?.bothHeaders)).toEqual([false, false]);
  });

  it.each([
    ['no token', { token: null }, 'UNAUTHORIZED'],
    ['a non-JWT', { token: 'abc' }, 'MALFORMED_TOKEN'],
    ['a bad signature', { token: jwt.sign({ data: { type: 'server', appId: '65a1b2c3d4e5f60718293a4b' } }, 'wrong-secret') }, 'INVALID_SIGNATURE'],
    ['a non-Bearer Authorization', { token: null, headers: { authorization: 'Token x' } }, 'MALFORMED_TOKEN'],
  ])('401s %s', async (_name, options, code) => {
    const res = await call(emulator, 'GET', '/v2/apps', options);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code, message: expect.any(String), requestId: res.headers.get('x-request-id') });
    expect(emulator.requests[0]?.authError).toBe(code);
  });

  it('401s an expired token, a wrong type, an unknown app and HS512; prefers x-custom-token over Authorization', async () => {
    const expired = await call(emulator, 'GET', '/v2/apps', { token: signToken(emulator, { exp: -10 }) });
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
    const live = await call(emulator, 'GET', '/v2/apps', { token: signToken(emulator, { exp: 60 }) });
    expect(live.status).toBe(200);
    const client = await call(emulator, 'GET', '/v2/apps', { token: signToken(emulator, { type: 'client', userId: 'u1' }) });
    expect(client).toMatchObject({ status: 401, body: { code: 'WRONG_TOKEN_TYPE' } });
    const noType = jwt.sign({ data: { appId: emulator.appId } }, deriveSigningKey(emulator.appSecret, 'server'));
    expect((await call(emulator, 'GET', '/v2/apps', { token: noType })).body.code).toBe('INVALID_TOKEN_TYPE');
    const unknownApp = await call(emulator, 'GET', '/v2/apps', { token: signToken(emulator, { appId: 'ffffffffffffffffffffffff' }) });
    expect(unknownApp).toMatchObject({ status: 401, body: { code: 'APP_NOT_FOUND' } });
    const hs512 = jwt.sign({ data: { type: 'server', appId: emulator.appId } }, deriveSigningKey(emulator.appSecret, 'server'), { algorithm: 'HS512' });
    expect((await call(emulator, 'GET', '/v2/apps', { token: hs512 })).body.code).toBe('UNSUPPORTED_ALGORITHM');
    const both = await call(emulator, 'GET', '/v2/apps', {
      token: null,
      headers: { authorization: 'Bearer not-a-token', 'x-custom-token': `JWT ${signToken(emulator, { mode: 'legacy' })}` },
    });
    expect(both.status).toBe(200);
    expect(emulator.requests.at(-1)?.auth).toMatchObject({ keyMode: 'legacy', bothHeaders: true });
    for (const headers of <Record<string, string>[]>[{ authorization: `Bearer ${signToken(emulator)}` }, { authorization: `jwt ${signToken(emulator)}` }, { 'x-custom-token': signToken(emulator) }]) {
      expect((await call(emulator, 'GET', '/v2/apps', { token: null, headers })).status).toBe(200);
    }
    // A server token signed with the *client* scoped key is not a server token.
    const crossKey = jwt.sign({ data: { type: 'server', appId: emulator.appId } }, deriveSigningKey(emulator.appSecret, 'client'));
    expect((await call(emulator, 'GET', '/v2/apps', { token: crossKey })).body.code).toBe('INVALID_SIGNATURE');
  });

  it('answers unknown routes 404 JSON, bad JSON 400, non-JSON bodies 415, all with a request id', async () => {
    const unknown = await call(emulator, 'GET', '/v3/nothing');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } });
    expect(unknown.headers.get('x-request-id')).toBe(unknown.body.requestId);
    const badJson = await call(emulator, 'POST', '/v2/chats', { rawBody: '{"title":' });
    expect(badJson).toMatchObject({ status: 400, body: { code: 'INVALID_JSON' } });
    const text = await call(emulator, 'POST', '/v2/chats', { rawBody: 'title=x', headers: { 'content-type': 'text/plain' } });
    expect(text).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect((await call(emulator, 'GET', '//v1/ping', { token: null })).status).toBe(404);
  });

  it('decodes percent-encoded path segments one by one', async () => {
    emulator.addRoom({ chatId: 'a.b-c' });
    const encoded = `${emulator.appId}_%61%2Eb-c`;
    const ok = await call(emulator, 'PATCH', `/v2/apps/${emulator.appId}/chats/${encoded}`, { body: { title: 'Renamed' } });
    expect(ok).toMatchObject({ status: 200, body: { result: { title: 'Renamed', uuid: 'a.b-c' } } });
    // %2F stays inside the segment: the route still matches and the room is simply not found.
    const slash = await call(emulator, 'PATCH', `/v2/apps/${emulator.appId}/chats/${emulator.appId}_x%2Fy`, { body: { title: 'T' } });
    expect(slash).toMatchObject({ status: 422, body: { code: 'NOT_FOUND' } });
    expect((await call(emulator, 'GET', '/v2/apps/%E0%A4%A/bot')).status).toBe(400);
  });

  it('signToken produces tokens the server accepts', async () => {
    expect((await call(emulator, 'GET', '/v2/apps', { token: emulator.signToken({ keyMode: 'legacy' }) })).status).toBe(200);
    expect((await call(emulator, 'GET', '/v2/apps', { token: emulator.signToken({ expiresInSeconds: -1 }) })).status).toBe(401);
  });
});
