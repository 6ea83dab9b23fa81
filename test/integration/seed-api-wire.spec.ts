import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { deriveSigningKey } from '../../lib/tokens/signing-key.js';
import type { RecordedRequest } from '../../lib/testing/emulator/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('EthoraChatService on the wire', () => {
  let ctx: EthoraTestContext;
  let appId: string;

  beforeEach(async () => {
    ctx = await createEthoraTestContext({ chatbotJid: 'ethora-bot' });
    appId = ctx.emulator.appId;
  });
  afterEach(() => ctx.close());

  function lastRequest(): RecordedRequest {
    const requests = ctx.emulator.requests;
    return requests[requests.length - 1];
  }

  function expectServerAuth(request: RecordedRequest): void {
    expect(request.auth).toMatchObject({ type: 'server', appId, keyMode: 'scoped', bothHeaders: true });
    expect(request.auth?.payload).toMatchObject({ data: { appId, type: 'server' } });
    expect(request.headers.authorization).toBe('[redacted]');
  }

  it('signs the server token with the scoped key, sends it in both headers, and reuses it', async () => {
    await ctx.service.createChatRoom('room-a');
    await ctx.service.createChatRoom('room-b');
    const token = ctx.tokens.getServerToken();
    const claims = jwt.verify(token, deriveSigningKey(ctx.emulator.appSecret, 'server'), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(claims.data).toEqual({ appId, type: 'server' });
    expect(claims.exp! - claims.iat!).toBeGreaterThan(3000);
    expect(() => jwt.verify(token, ctx.emulator.appSecret)).toThrow(/invalid signature/);
    expect(ctx.tokens.getServerToken()).toBe(token);
    ctx.emulator.requests.forEach(expectServerAuth);
  });

  it('createChatRoom posts /v2/chats keyed by chatId, and is idempotent', async () => {
    await ctx.service.createUser('alice');
    const created = await ctx.service.createChatRoom('ws-1', { title: 'Workspace 1', description: 'Team', members: ['alice'] });
    expect(created).toMatchObject({ status: 'created', name: `${appId}_ws-1`, result: { name: `${appId}_ws-1` } });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/v2/chats', status: 200 });
    expect(request.body).toEqual({ title: 'Workspace 1', uuid: 'ws-1', type: 'group', description: 'Team', members: [`${appId}_alice`] });
    expectServerAuth(request);

    expect(await ctx.service.createChatRoom('ws-1')).toEqual({ status: 'exists', name: `${appId}_ws-1` });
    expect(lastRequest().status).toBe(422);
  });

  it('createUser posts one user to /v2/users/batch, waits for the job, and reports exists on a repeat', async () => {
    const created = await ctx.service.createUser('alice', { displayName: 'Alice Liddell', password: 'pw-alice-123' });
    expect(created).toMatchObject({ status: 'created', xmppUsername: `${appId}_alice` });
    const [post, poll] = ctx.emulator.requests;
    expect(post).toMatchObject({ method: 'POST', path: '/v2/users/batch', status: 202 });
    expect(post.body).toEqual({
      bypassEmailConfirmation: true,
      usersList: [{ uuid: 'alice', email: `alice@${appId}.example.com`, firstName: 'Alice', lastName: 'Liddell', password: '[redacted]' }],
    });
    expect(poll).toMatchObject({ method: 'GET', status: 200 });
    expect(poll.path).toMatch(/^\/v2\/users\/batch\//);
    expectServerAuth(post);

    expect(await ctx.service.createUser('alice')).toMatchObject({ status: 'exists' });
  });

  it('createUser waits through pending polls', async () => {
    await ctx.close();
    ctx = await createEthoraTestContext({}, { jobs: { delayMs: 250 } });
    expect(await ctx.service.createUser('bob')).toMatchObject({ status: 'created' });
    expect(ctx.emulator.requests.filter((r) => r.method === 'GET').length).toBeGreaterThan(1);
  });

  it('grant and remove access send prefixed members to /v2/chats/users-access', async () => {
    await ctx.service.createChatRoom('ws-2');
    await ctx.service.createUser('u1');
    await ctx.service.createUser('u2');
    await ctx.service.grantUserAccessToChatRoom('ws-2', ['u1', 'u2']);
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      path: '/v2/chats/users-access',
      status: 200,
      body: { chatName: `${appId}_ws-2`, members: [`${appId}_u1`, `${appId}_u2`] },
    });
    await ctx.service.removeUserAccessFromChatRoom('ws-2', 'u1');
    expect(lastRequest()).toMatchObject({ method: 'DELETE', path: '/v2/chats/users-access', body: { chatName: `${appId}_ws-2`, members: [`${appId}_u1`] } });
    expectServerAuth(lastRequest());
  });

  it('grantChatbotAccessToChatRoom adds the configured bot', async () => {
    await ctx.service.createChatRoom('ws-3');
    await ctx.service.createUser('ethora-bot');
    await ctx.service.grantChatbotAccessToChatRoom('ws-3');
    expect(lastRequest().body).toEqual({ chatName: `${appId}_ws-3`, members: [`${appId}_ethora-bot`] });
  });

  it('grantChatbotAccessToChatRoom without a configured bot fails clearly, sending nothing', async () => {
    await ctx.close();
    ctx = await createEthoraTestContext();
    await expect(ctx.service.grantChatbotAccessToChatRoom('ws')).rejects.toThrow(/"chatbotJid" \(env ETHORA_CHAT_BOT_JID\) is not set/);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('deleteUsers and deleteChatRoom send plain ids and prefixed names', async () => {
    await ctx.service.createUser('gone');
    await ctx.service.createChatRoom('ws-4');
    expect(await ctx.service.deleteUsers(['gone'])).toMatchObject({ ok: true });
    expect(lastRequest()).toMatchObject({ method: 'DELETE', path: '/v1/users/batch', body: { usersIdList: ['gone'] } });
    expect(await ctx.service.deleteChatRoom('ws-4')).toMatchObject({ ok: true });
    expect(lastRequest()).toMatchObject({ method: 'DELETE', path: '/v1/chats', body: { name: `${appId}_ws-4` } });
  });

  it.each(['string', 'json'] as const)('resolves not-found answers (%s body) instead of throwing', async (shape) => {
    await ctx.close();
    ctx = await createEthoraTestContext({}, { notFoundBody: shape });
    expect(await ctx.service.deleteChatRoom('missing')).toEqual({ ok: false, reason: 'Chat room not found' });
    expect(lastRequest().status).toBe(422);
    expect(await ctx.service.deleteUsers(['nobody'])).toEqual({ ok: false, reason: 'Users not found' });
  });

  it('logs expected outcomes (room exists, nothing to delete) at debug, not as errors', async () => {
    await ctx.close();
    const logger = new CaptureLogger();
    ctx = await createEthoraTestContext({ logging: true, logger });
    await ctx.service.createChatRoom('twice');
    await ctx.service.createChatRoom('twice');
    await ctx.service.deleteChatRoom('never-there');
    await ctx.service.deleteUsers(['nobody']);
    expect(logger.at('error')).toEqual([]);
    expect(logger.at('debug').join('\n')).toMatch(/handled as conflict[\s\S]*handled as not_found/);
  });

  it('createChatName builds full and short names without a request', () => {
    expect(ctx.service.createChatName('ws')).toBe(`${appId}_ws@conference.xmpp.emulator.local`);
    expect(ctx.service.createChatName('ws', false)).toBe(`${appId}_ws`);
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});
