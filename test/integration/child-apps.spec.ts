import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { EthoraAppsService, type EthoraChatApi } from '../../lib/index.js';
import { EthoraPermissionError } from '../../lib/errors/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('chat.forApp(childAppId): the chat API of a child app, through /v2/apps/{appId}', () => {
  let ctx: EthoraTestContext;
  let apps: EthoraAppsService;
  let childId: string;
  let child: EthoraChatApi;

  beforeAll(async () => {
    ctx = await createEthoraTestContext();
    apps = ctx.moduleRef.get(EthoraAppsService);
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    ctx.emulator.reset();
    childId = (await apps.createApp({ displayName: 'Child' }))._id;
    child = ctx.service.forApp(childId);
    ctx.emulator.clearRequests();
  });

  it('is checked once and cached per app, and sends nothing', () => {
    expect(ctx.service.forApp(childId)).toBe(child);
    expect(ctx.service.forApp(childId.toUpperCase())).toBe(child);
    expect(child.appId).toBe(childId);
    expect(() => ctx.service.forApp('bad')).toThrow(expect.objectContaining({ argument: 'childAppId' }));
    expect(child.createChatName('r1')).toBe(`${childId}_r1@conference.${ctx.emulator.xmppHost}`);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('creates users in the child app, waits for the job, and deletes them', async () => {
    const report = await child.bulkCreateUsers([{ userId: 'alice', firstName: 'Alice' }, { userId: 'bob' }]);
    expect(report.users).toMatchObject([
      { status: 'created', xmppUsername: `${childId}_alice` },
      { status: 'created', xmppUsername: `${childId}_bob` },
    ]);
    const [post, poll] = ctx.emulator.requests;
    expect(post).toMatchObject({ method: 'POST', path: `/v2/apps/${childId}/users/batch`, status: 202 });
    expect((post.body as { usersList: Array<{ email: string }> }).usersList[0].email).toBe(`alice@${childId}.example.com`);
    expect(poll.path).toMatch(new RegExp(`^/v2/apps/${childId}/users/batch/`));
    expect(ctx.emulator.state.userCount(childId)).toBe(2);
    expect(ctx.emulator.state.userCount()).toBe(0);

    expect(await child.createUser('carol')).toMatchObject({ status: 'created', xmppUsername: `${childId}_carol` });
    expect(await child.deleteUsers(['alice', 'bob'])).toEqual({ ok: true });
    expect(await child.deleteUsers(['alice'])).toEqual({ ok: false, reason: 'Users not found' });
    expect(ctx.emulator.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v2/apps/${childId}/users/batch` });
  });

  it('creates, lists, grants, removes and deletes rooms of the child app with its own prefix', async () => {
    await child.createUser('alice');
    expect(await child.createChatRoom('r1', { title: 'Room 1' })).toMatchObject({ status: 'created', name: `${childId}_r1` });
    expect(await child.createChatRoom('r1')).toEqual({ status: 'exists', name: `${childId}_r1` });
    await child.createChatRoom('r2');

    expect(await child.grantUserAccessToChatRoom('r1', 'alice')).toBeUndefined();
    expect(ctx.emulator.state.room(childId, 'r1')?.members).toEqual(['alice']);
    expect(ctx.emulator.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v2/apps/${childId}/chats/users-access`,
      body: { chatName: `${childId}_r1`, members: [`${childId}_alice`] },
    });
    await child.removeUserAccessFromChatRoom('r1', [`${childId}_alice`]);
    expect(ctx.emulator.state.room(childId, 'r1')?.members).toEqual([]);

    expect((await child.getChatRooms({ limit: 1 })).items.map((r) => r.name)).toEqual([`${childId}_r1`]);
    const names: string[] = [];
    for await (const room of child.iterateChatRooms({ pageSize: 1 })) names.push(room.name);
    expect(names).toEqual([`${childId}_r1`, `${childId}_r2`]);

    expect(await child.deleteChatRoom('r1')).toEqual({ ok: true });
    expect(await child.deleteChatRoom('r1')).toEqual({ ok: false, reason: 'Chat room not found' });
    expect(ctx.emulator.state.roomCount(childId)).toBe(1);
  });

  it('updates users through the app-scoped route', async () => {
    const [result] = await child.updateUsers([{ userId: 'alice', firstName: 'Alicia' }]);
    expect(result).toMatchObject({ userId: 'alice', xmppUsername: `${childId}_alice` });
    expect(ctx.emulator.requests[0]).toMatchObject({
      method: 'PATCH',
      path: `/v2/apps/${childId}/chats/users`,
      body: { users: [{ xmppUsername: `${childId}_alice`, firstName: 'Alicia' }] },
    });
  });

  it('acts on the configured app through the app-scoped routes when asked for it', async () => {
    const appId = ctx.emulator.appId;
    await ctx.service.forApp(appId).createChatRoom('own');
    expect(ctx.emulator.requests[0]).toMatchObject({ method: 'POST', path: `/v2/apps/${appId}/chats`, body: { uuid: 'own' } });
    expect(ctx.emulator.state.room(appId, 'own')).toBeDefined();
  });

  it('is refused (403) on an app this token did not create', async () => {
    const foreign = ctx.service.forApp(ctx.emulator.addApp().appId);
    await expect(foreign.createChatRoom('r1')).rejects.toBeInstanceOf(EthoraPermissionError);
    await expect(foreign.createUser('x')).rejects.toBeInstanceOf(EthoraPermissionError);
  });

  it('checks arguments before sending anything', async () => {
    await expect(child.bulkCreateUsers([])).rejects.toMatchObject({ argument: 'users' });
    await expect(child.bulkCreateUsers([{ userId: 'a' }, { userId: 'A' }])).rejects.toMatchObject({ argument: 'users[1].userId' });
    await expect(child.bulkCreateUsers([{ userId: 'a', email: 'nope' }])).rejects.toMatchObject({ argument: 'users[0].email' });
    await expect(child.grantUserAccessToChatRoom('r1', [])).rejects.toMatchObject({ argument: 'userIds' });
    await expect(child.getChatRooms({ offset: -1 })).rejects.toMatchObject({ argument: 'options.offset' });
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});
