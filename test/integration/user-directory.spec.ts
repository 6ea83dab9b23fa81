import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { EthoraArgumentError } from '../../lib/index.js';
import { EthoraNotFoundError, EthoraServerError } from '../../lib/errors/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('EthoraChatService: user directory, room updates, ping', () => {
  let ctx: EthoraTestContext;
  let appId: string;

  beforeAll(async () => {
    ctx = await createEthoraTestContext();
    appId = ctx.emulator.appId;
  });
  afterAll(() => ctx.close());
  beforeEach(() => ctx.emulator.reset());

  function seedUsers(count: number, prefix = 'u'): string[] {
    const ids = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
    ctx.emulator.addUsers(ids.map((userId) => ({ userId })));
    return ids;
  }

  describe('updateUsers', () => {
    it('patches /v2/chats/users with prefixed xmppUsernames and reports each user', async () => {
      seedUsers(2);
      const results = await ctx.service.updateUsers([
        { userId: 'u000', firstName: 'Ann', lastName: 'Lee' },
        { userId: 'ghost', firstName: 'Gus' },
        { userId: `${appId}_u001` },
      ]);
      expect(results).toEqual([
        { userId: 'u000', xmppUsername: `${appId}_u000`, status: 'updated' },
        { userId: 'ghost', xmppUsername: `${appId}_ghost`, status: 'not-found' },
        { userId: 'u001', xmppUsername: `${appId}_u001`, status: 'skipped' },
      ]);
      expect(ctx.emulator.state.user(appId, 'u000')).toMatchObject({ firstName: 'Ann', lastName: 'Lee' });
      const [request] = ctx.emulator.requests;
      expect(request).toMatchObject({ method: 'PATCH', path: '/v2/chats/users', status: 200 });
      expect(request.body).toEqual({
        users: [{ xmppUsername: `${appId}_u000`, firstName: 'Ann', lastName: 'Lee' }, { xmppUsername: `${appId}_ghost`, firstName: 'Gus' }, { xmppUsername: `${appId}_u001` }],
      });
    });

    it('chunks past 100 users, in order, one request per chunk', async () => {
      const ids = seedUsers(250);
      const results = await ctx.service.updateUsers(ids.map((userId) => ({ userId, username: `nick-${userId}` })));
      expect(results.map((r) => r.userId)).toEqual(ids);
      expect(results.every((r) => r.status === 'updated')).toBe(true);
      expect(ctx.emulator.requests.map((r) => (r.body as { users: unknown[] }).users.length)).toEqual([100, 100, 50]);
    });

    it('reports every user of a failed chunk as failed with the error, and carries on', async () => {
      const ids = seedUsers(150);
      // The first PATCH fails (500 is not retried); the second goes through.
      ctx.emulator.faults.add({ method: 'PATCH', path: '/v2/chats/users', status: 500, times: 1 });
      const first = await ctx.service.updateUsers(ids.map((userId) => ({ userId, firstName: 'Zed' })));
      expect(ctx.emulator.requests).toHaveLength(2);
      expect(first.slice(0, 100).every((r) => r.status === 'failed' && r.error instanceof EthoraServerError)).toBe(true);
      expect(first.slice(100).every((r) => r.status === 'updated' && r.error === undefined)).toBe(true);
      expect(first).toHaveLength(150);
    });

    it('checks every entry before sending anything', async () => {
      await expect(ctx.service.updateUsers([{ userId: 'a' }, { userId: 'a/b' }])).rejects.toMatchObject({ argument: 'users[1].userId' });
      await expect(ctx.service.updateUsers([])).rejects.toBeInstanceOf(EthoraArgumentError);
      expect(ctx.emulator.requests).toHaveLength(0);
    });
  });

  describe('getUsers / iterateUsers', () => {
    it('normalises the page and keeps the raw answer', async () => {
      seedUsers(3);
      const page = await ctx.service.getUsers({ limit: 2, offset: 1 });
      expect(page.items.map((u) => u.xmppUsername)).toEqual([`${appId}_u001`, `${appId}_u002`]);
      expect(page).toMatchObject({ limit: 2, offset: 1, raw: { results: page.items } });
      expect(ctx.emulator.requests[0]).toMatchObject({ method: 'GET', path: '/v2/chats/users', query: { limit: '2', offset: '1' } });
    });

    it('filters by room (chat id or name), xmppUsername (prefixed once) and userId', async () => {
      seedUsers(3);
      ctx.emulator.addRoom({ chatId: 'team', members: ['u000', 'u002'] });
      expect((await ctx.service.getUsers({ chatName: 'team' })).items.map((u) => u.uuid)).toEqual(['u000', 'u002']);
      expect((await ctx.service.getUsers({ chatName: `${appId}_team`, userId: 'u002' })).items.map((u) => u.uuid)).toEqual(['u002']);
      expect((await ctx.service.getUsers({ xmppUsername: 'u001' })).items.map((u) => u.uuid)).toEqual(['u001']);
      expect(ctx.emulator.requests.map((r) => r.query)).toEqual([
        { chatName: `${appId}_team`, limit: '100', offset: '0' },
        { chatName: `${appId}_team`, userId: 'u002', limit: '100', offset: '0' },
        { xmppUsername: `${appId}_u001`, limit: '100', offset: '0' },
      ]);
    });

    it('iterates every user page by page until a short page', async () => {
      const ids = seedUsers(250);
      const seen: string[] = [];
      for await (const user of ctx.service.iterateUsers(undefined, { pageSize: 100 })) seen.push(user.uuid as string);
      expect(seen).toEqual(ids);
      expect(ctx.emulator.requests.map((r) => r.query.offset)).toEqual(['0', '100', '200']);
    });

    it('refuses bad filters and paging before any request', async () => {
      await expect(ctx.service.getUsers({ limit: 501 })).rejects.toMatchObject({ argument: 'options.limit' });
      await expect(ctx.service.getUsers({ chatName: 'a?b' })).rejects.toMatchObject({ argument: 'options.chatName' });
      expect(() => ctx.service.iterateUsers({ userId: '' })).toThrow(EthoraArgumentError);
      expect(() => ctx.service.iterateUsers({}, { pageSize: 0 })).toThrow(/options.pageSize/);
      expect(ctx.emulator.requests).toHaveLength(0);
    });
  });

  describe('getUserChats / iterateUserChats', () => {
    it('lists the rooms of a user, with members when asked', async () => {
      seedUsers(2);
      ctx.emulator.addRoom({ chatId: 'r1', title: 'One', members: ['u000', 'u001'] });
      ctx.emulator.addRoom({ chatId: 'r2', members: ['u000'] });
      const page = await ctx.service.getUserChats('u000', { includeMembers: true });
      expect(page.items.map((c) => c.name)).toEqual([`${appId}_r1`, `${appId}_r2`]);
      expect(page.items[0].members).toEqual([{ xmppUsername: `${appId}_u000` }, { xmppUsername: `${appId}_u001` }]);
      expect(ctx.emulator.requests[0]).toMatchObject({ path: `/v2/apps/${appId}/users/u000/chats`, query: { includeMembers: 'true' } });
      const all: string[] = [];
      for await (const chat of ctx.service.iterateUserChats('u000', { pageSize: 1 })) all.push(chat.name);
      expect(all).toEqual([`${appId}_r1`, `${appId}_r2`]);
    });

    it('rejects an unknown user with EthoraNotFoundError and a bad id before sending', async () => {
      await expect(ctx.service.getUserChats('nobody')).rejects.toBeInstanceOf(EthoraNotFoundError);
      await expect(ctx.service.getUserChats('../x')).rejects.toMatchObject({ argument: 'userId' });
      expect(() => ctx.service.iterateUserChats('u', { includeMembers: 'yes' as never })).toThrow(/options.includeMembers/);
      expect(ctx.emulator.requests).toHaveLength(1);
    });
  });

  describe('updateChatRoom', () => {
    it('patches /v2/apps/{appId}/chats/{appId_chatId}', async () => {
      ctx.emulator.addRoom({ chatId: 'r1', title: 'Old' });
      await ctx.service.updateChatRoom('r1', { title: 'New', description: 'About' });
      expect(ctx.emulator.state.room(appId, 'r1')).toMatchObject({ title: 'New', description: 'About' });
      expect(ctx.emulator.requests[0]).toMatchObject({ method: 'PATCH', path: `/v2/apps/${appId}/chats/${appId}_r1`, body: { title: 'New', description: 'About' } });
    });

    it('rejects a missing room as not found, and empty updates before sending', async () => {
      await expect(ctx.service.updateChatRoom('gone', { title: 'x' })).rejects.toBeInstanceOf(EthoraNotFoundError);
      await expect(ctx.service.updateChatRoom('r1', {})).rejects.toMatchObject({ argument: 'data' });
      await expect(ctx.service.updateChatRoom('r/1', { title: 'x' })).rejects.toMatchObject({ argument: 'chatId' });
      expect(ctx.emulator.requests).toHaveLength(1);
    });
  });

  it('ping() answers with the latency and the raw answer', async () => {
    const result = await ctx.service.ping();
    expect(result.raw).toEqual({ ok: true });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(ctx.emulator.requests[0]).toMatchObject({ method: 'GET', path: '/v1/ping' });
  });
});
