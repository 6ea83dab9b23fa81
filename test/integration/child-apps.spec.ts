import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { EthoraAppsService } from '../../lib/index.js';
import { EthoraPermissionError } from '../../lib/errors/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('EthoraAppsService: acting on a child app through /v2/apps/{appId}', () => {
  let ctx: EthoraTestContext;
  let apps: EthoraAppsService;
  let childId: string;

  beforeAll(async () => {
    ctx = await createEthoraTestContext();
    apps = ctx.moduleRef.get(EthoraAppsService);
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    ctx.emulator.reset();
    childId = (await apps.createApp({ displayName: 'Child' }))._id;
    ctx.emulator.clearRequests();
  });

  it('creates users in the child app, waits for the job, and deletes them', async () => {
    const results = await apps.createAppUsers(childId, [{ userId: 'alice', firstName: 'Alice' }, { userId: 'bob' }]);
    expect(results).toMatchObject([
      { status: 'created', xmppUsername: `${childId}_alice` },
      { status: 'created', xmppUsername: `${childId}_bob` },
    ]);
    const [post, poll] = ctx.emulator.requests;
    expect(post).toMatchObject({ method: 'POST', path: `/v2/apps/${childId}/users/batch`, status: 202 });
    expect((post.body as { usersList: Array<{ email: string }> }).usersList[0].email).toBe(`alice@${childId}.example.com`);
    expect(poll.path).toMatch(new RegExp(`^/v2/apps/${childId}/users/batch/`));
    expect(ctx.emulator.state.userCount(childId)).toBe(2);
    expect(ctx.emulator.state.userCount()).toBe(0);

    expect(await apps.deleteAppUsers(childId, ['alice', 'bob'])).toMatchObject({ ok: true });
    expect(await apps.deleteAppUsers(childId, ['alice'])).toEqual({ ok: false, reason: 'Users not found' });
    expect(ctx.emulator.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v2/apps/${childId}/users/batch` });
  });

  it('creates, lists, grants, removes and deletes rooms of the child app with its own prefix', async () => {
    await apps.createAppUsers(childId, [{ userId: 'alice' }]);
    expect(await apps.createAppChatRoom(childId, 'r1', { title: 'Room 1' })).toMatchObject({ status: 'created', name: `${childId}_r1` });
    expect(await apps.createAppChatRoom(childId, 'r1')).toEqual({ status: 'exists', name: `${childId}_r1` });
    await apps.createAppChatRoom(childId, 'r2');

    await apps.grantAppUserAccess(childId, 'r1', 'alice');
    expect(ctx.emulator.state.room(childId, 'r1')?.members).toEqual(['alice']);
    expect(ctx.emulator.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v2/apps/${childId}/chats/users-access`,
      body: { chatName: `${childId}_r1`, members: [`${childId}_alice`] },
    });
    await apps.removeAppUserAccess(childId, 'r1', ['alice']);
    expect(ctx.emulator.state.room(childId, 'r1')?.members).toEqual([]);

    expect((await apps.listAppChatRooms(childId, { limit: 1 })).items.map((r) => r.name)).toEqual([`${childId}_r1`]);
    const names: string[] = [];
    for await (const room of apps.iterateAppChatRooms(childId, { pageSize: 1 })) names.push(room.name);
    expect(names).toEqual([`${childId}_r1`, `${childId}_r2`]);

    expect(await apps.deleteAppChatRoom(childId, 'r1')).toMatchObject({ ok: true });
    expect(await apps.deleteAppChatRoom(childId, 'r1')).toEqual({ ok: false, reason: 'Chat room not found' });
    expect(ctx.emulator.state.roomCount(childId)).toBe(1);
  });

  it('defaults to the configured app through the app-scoped routes', async () => {
    const appId = ctx.emulator.appId;
    await apps.createAppChatRoom(undefined, 'own');
    expect(ctx.emulator.requests[0]).toMatchObject({ method: 'POST', path: `/v2/apps/${appId}/chats`, body: { uuid: 'own' } });
    expect(ctx.emulator.state.room(appId, 'own')).toBeDefined();
  });

  it('is refused (403) on an app this token did not create', async () => {
    const foreign = ctx.emulator.addApp();
    await expect(apps.createAppChatRoom(foreign.appId, 'r1')).rejects.toBeInstanceOf(EthoraPermissionError);
    await expect(apps.createAppUsers(foreign.appId, [{ userId: 'x' }])).rejects.toBeInstanceOf(EthoraPermissionError);
  });

  it('checks arguments before sending anything', async () => {
    await expect(apps.createAppUsers(childId, [])).rejects.toMatchObject({ argument: 'users' });
    await expect(apps.createAppUsers(childId, [{ userId: 'a' }, { userId: 'a' }])).rejects.toMatchObject({ argument: 'users[1].userId' });
    await expect(apps.createAppUsers(childId, [{ userId: 'a', email: 'nope' }])).rejects.toMatchObject({ argument: 'users[0].email' });
    await expect(apps.createAppChatRoom('bad', 'r1')).rejects.toMatchObject({ argument: 'appId' });
    await expect(apps.grantAppUserAccess(childId, 'r1', [])).rejects.toMatchObject({ argument: 'userIds' });
    await expect(apps.listAppChatRooms(childId, { offset: -1 })).rejects.toMatchObject({ argument: 'options.offset' });
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});
