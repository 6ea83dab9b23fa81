import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type * as EthoraSdk from '@ethora/sdk-backend';
import { EthoraEmulator } from '../../lib/testing/emulator/index.js';

/**
 * Ethora's official Node SDK (@ethora/sdk-backend 26.8.1), unchanged, driven against the emulator on its
 * defaults over real HTTP: every public method, asserting what ethora-api.md §7 says the real server
 * does. Where the SDK itself is wrong (§6), the test asserts the server's answer and names the SDK bug.
 */
type Sdk = typeof EthoraSdk;
type Answer = Record<string, any>;

const ENV = ['ETHORA_CHAT_API_URL', 'ETHORA_CHAT_APP_ID', 'ETHORA_CHAT_APP_SECRET', 'NODE_ENV'] as const;
// Methods of EthoraSDKService.prototype that are private in its .d.ts.
const PRIVATE = new Set(['constructor', 'getHeaders', 'createScopedChatName', 'createScopedMembers', 'buildQueryString', 'makeRequest']);

describe('the official SDK against the emulator', () => {
  let sdk: Sdk;
  let emulator: EthoraEmulator;
  let service: EthoraSdk.EthoraSDKService;
  let A: string;
  const savedEnv: Partial<Record<(typeof ENV)[number], string>> = {};
  const called = new Set<string>();
  /** Marks a method as driven by this suite (checked against the SDK's prototype at the end). */
  const use = <T>(name: string, value: T): T => {
    called.add(name);
    return value;
  };
  /** What the SDK threw: it wraps axios errors in a plain Error carrying `status` and `response`. */
  const failure = async (promise: Promise<unknown>): Promise<{ status: unknown; data: any; message: string }> => {
    const err = (await promise.then(() => undefined, (e: unknown) => e)) as { status?: unknown; response?: { data?: unknown }; message: string } | undefined;
    if (!err) throw new Error('expected the SDK call to fail');
    return { status: err.status, data: err.response?.data, message: err.message };
  };
  /** Waits until `check` holds (no time limit asserted: the suite's timeout bounds it). */
  const until = async (check: () => boolean): Promise<void> => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  beforeAll(async () => {
    emulator = await new EthoraEmulator().start();
    A = emulator.appId;
    for (const name of ENV) savedEnv[name] = process.env[name];
    Object.assign(process.env, { ETHORA_CHAT_API_URL: emulator.url, ETHORA_CHAT_APP_ID: A, ETHORA_CHAT_APP_SECRET: emulator.appSecret, NODE_ENV: 'production' });
    sdk = ((await import('@ethora/sdk-backend')) as unknown as { default: Sdk }).default;
  });

  afterAll(async () => {
    for (const name of ENV) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
    await emulator.stop();
  });

  beforeEach(() => {
    emulator.reset();
    // The SDK logs every failure, its server token included (§6): keep that out of the test output.
    for (const level of ['info', 'warn', 'error', 'debug'] as const) jest.spyOn(console, level).mockImplementation(() => undefined);
    service = new sdk.EthoraSDKService({ chatAppId: A, chatAppSecret: emulator.appSecret });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('reads its configuration from the env (getSecrets, getSecretsSync, getEthoraSDKService)', () => {
    expect(use('getSecretsSync', sdk.getSecretsSync())).toEqual({ chatApiUrl: emulator.url, chatAppId: A, chatAppSecret: emulator.appSecret });
    expect(use('getSecrets', sdk.getSecrets({ chatAppId: A }))).toMatchObject({ chatApiUrl: emulator.url });
    expect(use('getEthoraSDKService', sdk.getEthoraSDKService())).toBeInstanceOf(sdk.EthoraSDKService);
    expect(typeof use('getLogger', sdk.getLogger('contract')).info).toBe('function');
  });

  it('signs tokens the emulator accepts (createServerToken, createClientToken, createJwtToken, verifyJwtToken, createChatUserJwtToken)', async () => {
    const secrets = sdk.getSecretsSync();
    const server = use('createServerToken', sdk.createServerToken(secrets));
    expect((await fetch(`${emulator.url}/v2/apps/${A}`, { headers: { 'x-custom-token': server } })).status).toBe(200);
    expect(emulator.requests.at(-1)?.auth).toMatchObject({ type: 'server', keyMode: 'scoped', bothHeaders: false });
    emulator.addUser({ userId: 'carol' });
    for (const client of [use('createClientToken', sdk.createClientToken('carol', secrets)), use('createChatUserJwtToken', service.createChatUserJwtToken('carol'))]) {
      expect((await fetch(`${emulator.url}/v1/users/client`, { method: 'POST', headers: { 'x-custom-token': client } })).status).toBe(200);
    }
    // The raw-secret (legacy) token the SDK still offers is accepted too (§2).
    const legacy = use('createJwtToken', sdk.createJwtToken({ data: { type: 'server', appId: A } }, secrets));
    expect((await fetch(`${emulator.url}/v2/apps/${A}`, { headers: { authorization: `Bearer ${legacy}` } })).status).toBe(200);
    expect(emulator.requests.at(-1)?.auth).toMatchObject({ keyMode: 'legacy' });
    expect(use('verifyJwtToken', sdk.verifyJwtToken(server))).toMatchObject({ data: { appId: A, type: 'server' } });
  });

  it("runs the README's create-then-grant flow with no poll: the job finishes on the server's clock", async () => {
    const created = (await use('createUser', service.createUser('alice', { firstName: 'Alice', lastName: 'Liddell' }))) as Answer;
    // SDK quirk (§6): it writes `url` into every answer and returns the 202 job ticket without waiting.
    expect(created).toMatchObject({ jobId: expect.any(String), statusUrl: `/v2/users/batch/${created.jobId}`, url: `${emulator.url}/v2/users/batch` });
    expect(emulator.requests.at(-1)).toMatchObject({ status: 202, auth: { bothHeaders: true } });
    const room = (await use('createChatRoom', service.createChatRoom('ws-1', { title: 'Workspace 1' }))) as Answer;
    expect(room.result).toMatchObject({ name: `${A}_ws-1`, title: 'Workspace 1', type: 'group' });
    // Granted straight away: the user may still be queued (docs/decisions.md), and becomes a member on creation.
    expect(await use('grantUserAccessToChatRoom', service.grantUserAccessToChatRoom('ws-1', 'alice'))).toMatchObject({ ok: true });
    await until(() => emulator.state.user(A, 'alice') !== undefined);
    expect(emulator.state.room(A, 'ws-1')?.members).toEqual(['alice']);
    expect(emulator.state.user(A, 'alice')?.rooms).toEqual(['ws-1']);
    const chats = (await use('getUserChats', service.getUserChats('alice', { includeMembers: true }))) as Answer;
    expect(chats.chats).toEqual([expect.objectContaining({ name: `${A}_ws-1`, members: [{ xmppUsername: `${A}_alice` }] })]);
    expect(await use('removeUserAccessFromChatRoom', service.removeUserAccessFromChatRoom('ws-1', ['alice']))).toMatchObject({ ok: true });
    expect(emulator.state.room(A, 'ws-1')?.members).toEqual([]);
  });

  it('reports a duplicate room as 422 with "already exists" in body.error, where its README looks', async () => {
    await service.createChatRoom('dup');
    const dup = await failure(service.createChatRoom('dup'));
    expect(dup.status).toBe(422);
    expect(dup.data).toMatchObject({ success: false, error: expect.stringMatching(/already exist/), code: 'ALREADY_EXISTS' });
  });

  it('deletes users and rooms; "not found" comes back as the plain-string 422 the SDK can read', async () => {
    emulator.addUsers([{ userId: 'd1' }]);
    emulator.addRoom({ chatId: 'gone' });
    expect(await use('deleteUsers', service.deleteUsers(['d1']))).toMatchObject({ ok: true });
    expect(await service.deleteUsers(['d1'])).toEqual({ ok: false });
    expect(await use('deleteChatRoom', service.deleteChatRoom('gone'))).toMatchObject({ ok: true });
    expect(await service.deleteChatRoom('gone')).toEqual({ ok: false, reason: 'Chat room not found' });
  });

  it('SDK bug (§6): with a JSON not-found body, which the v1 OpenAPI documents, deleteChatRoom throws instead of reporting not found', async () => {
    emulator.configure({ notFoundBody: 'json' });
    const thrown = await failure(service.deleteChatRoom('never'));
    expect(thrown.status).toBe(422);
    expect(thrown.data).toMatchObject({ error: 'Chat room not found' }); // the server did say "not found"
    const users = await failure(service.deleteUsers(['never']));
    expect(users.data).toMatchObject({ error: 'Users not found' });
  });

  it('updates users and lists them (updateUsers, getUsers)', async () => {
    emulator.addUsers([{ userId: 'u1' }, { userId: 'u2' }]);
    const updated = (await use('updateUsers', service.updateUsers([{ xmppUsername: `${A}_u1`, firstName: 'Zed', email: 'dropped@example.com' }]))) as Answer;
    expect(updated.results).toEqual([expect.objectContaining({ xmppUsername: `${A}_u1`, status: 'updated', user: expect.objectContaining({ xmppUsername: `${A}_u1` }) })]);
    // SDK bug: its README lists `email` and `description` as updatable, but updateUsers drops them before sending.
    expect(emulator.requests.at(-1)?.body).toEqual({ users: [{ xmppUsername: `${A}_u1`, firstName: 'Zed' }] });
    // SDK bug: its README example sends the literal `appId_user1`; the server finds no such user.
    const example = (await service.updateUsers([{ xmppUsername: 'appId_user1', firstName: 'John', lastName: 'Doe' }])) as Answer;
    expect(example.results).toEqual([expect.objectContaining({ xmppUsername: 'appId_user1', status: 'not-found' })]);
    const all = (await use('getUsers', service.getUsers({ limit: 10 }))) as Answer;
    expect(all.results.map((u: Answer) => u.xmppUsername)).toEqual([`${A}_u1`, `${A}_u2`]);
    const one = (await service.getUsers({ xmppUsername: `${A}_u2` })) as Answer;
    expect(one.results).toHaveLength(1);
  });

  it('updates a room by id or canonical name (updateChatRoom, updateChatRoomInApp)', async () => {
    emulator.addRoom({ chatId: 'r1' });
    expect(((await use('updateChatRoom', service.updateChatRoom('r1', { title: 'Renamed' }))) as Answer).result).toMatchObject({ title: 'Renamed' });
    const again = (await use('updateChatRoomInApp', service.updateChatRoomInApp(A, `${A}_r1`, { description: 'About' }))) as Answer;
    expect(again.result).toMatchObject({ title: 'Renamed', description: 'About' });
    expect((await failure(service.updateChatRoom('nope', { title: 'T' }))).status).toBe(422);
  });

  it('manages child apps (createApp, listApps, getApp, deleteApp)', async () => {
    const created = (await use('createApp', service.createApp({ displayName: 'Child App' }))) as Answer;
    const childId = created.app._id as string;
    expect(created.app).toMatchObject({ displayName: 'Child App', appToken: expect.any(String), parentAppId: A });
    const listed = (await use('listApps', service.listApps({ limit: 10, order: 'desc', orderBy: 'createdAt' }))) as Answer;
    expect(listed).toMatchObject({ total: 2 });
    expect(listed.apps.map((a: Answer) => a._id)).toEqual([childId, A]);
    expect(((await use('getApp', service.getApp(childId))) as Answer).app).toMatchObject({ _id: childId });
    expect(await use('deleteApp', service.deleteApp(childId))).toMatchObject({ ok: true });
    expect((await failure(service.getApp(childId))).status).toBe(404);
  });

  it('issues app tokens that are credentials; revoke is idempotent; rotate issues a new id (tokens)', async () => {
    const created = (await use('createAppToken', service.createAppToken(A, { label: 'ci' }))) as Answer;
    expect(created).toMatchObject({ tokenId: expect.any(String), token: expect.any(String), label: 'ci' });
    const listed = (await use('listAppTokens', service.listAppTokens(A))) as Answer;
    expect(listed.tokens).toEqual([expect.objectContaining({ tokenId: created.tokenId, label: 'ci' })]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const asApp = await fetch(`${emulator.url}/v2/bot`, { headers: { authorization: `JWT ${created.token}` } });
    expect(asApp.status).toBe(200);
    const rotated = (await use('rotateAppToken', service.rotateAppToken(A, created.tokenId, {}))) as Answer;
    expect(rotated).toMatchObject({ tokenId: expect.any(String), label: 'ci' });
    expect(rotated.tokenId).not.toBe(created.tokenId);
    expect((await fetch(`${emulator.url}/v2/bot`, { headers: { authorization: `JWT ${created.token}` } })).status).toBe(401);
    expect((await failure(service.rotateAppToken(A, created.tokenId))).status).toBe(404);
    expect(await use('revokeAppToken', service.revokeAppToken(A, rotated.tokenId))).toMatchObject({ ok: true });
    expect(await service.revokeAppToken(A, rotated.tokenId)).toMatchObject({ ok: true });
  });

  it('provisions rooms, reads and sets the bot (provisionApp, getAppBot, updateAppBot)', async () => {
    const provisioned = (await use('provisionApp', service.provisionApp(A, { rooms: [{ title: 'General', pinned: true }] }))) as Answer;
    expect(provisioned.rooms).toEqual([expect.objectContaining({ title: 'General', pinned: true })]);
    expect(((await use('getAppBot', service.getAppBot(A))) as Answer).bot).toMatchObject({ status: 'off' });
    const bot = (await use('updateAppBot', service.updateAppBot(A, { status: 'on', trigger: '/bot', prompt: 'Be brief' }))) as Answer;
    expect(bot.bot).toMatchObject({ status: 'on', trigger: '/bot', prompt: 'Be brief' });
  });

  it('broadcasts as a job that finishes on its own (broadcastToAppChats, getAppBroadcastJob)', async () => {
    emulator.addRoom({ chatId: 'b1' });
    const ticket = (await use('broadcastToAppChats', service.broadcastToAppChats(A, { text: 'Hello', allRooms: true }))) as Answer;
    expect(emulator.requests.at(-1)?.status).toBe(202);
    await until(() => emulator.state.broadcasts().length === 1);
    const job = (await use('getAppBroadcastJob', service.getAppBroadcastJob(A, ticket.jobId))) as Answer;
    expect(job).toMatchObject({ state: 'completed', result: { sent: 1 } });
    const noTarget = await failure(service.broadcastToAppChats(A, { text: 'x' } as never));
    expect(noTarget.status).toBe(400);
    expect((await failure(service.getAppBroadcastJob(A, '000000000000000000000000'))).status).toBe(404);
  });

  it('looks a user up by xmppUsername (getAppUserByXmppUsername)', async () => {
    emulator.addUser({ userId: 'finder' });
    expect(((await use('getAppUserByXmppUsername', service.getAppUserByXmppUsername(`${A}_finder`))) as Answer).user).toMatchObject({ xmppUsername: `${A}_finder` });
    expect((await failure(service.getAppUserByXmppUsername(`${A}_nobody`))).status).toBe(404);
  });

  it('runs the app-scoped twins (createUsersInApp, getUsersBatchJob, getUserChatsInApp, chats and access in app, deleteUsersInApp)', async () => {
    const batch = (await use('createUsersInApp', service.createUsersInApp(A, { bypassEmailConfirmation: true, usersList: [{ uuid: 's1', email: 's1@example.com', firstName: 'Sam', lastName: 'Lee' }] }))) as Answer;
    expect(emulator.requests.at(-1)?.status).toBe(202);
    expect(batch.statusUrl).toBe(`/v2/apps/${A}/users/batch/${batch.jobId}`);
    const states = new Set<string>();
    while (!states.has('completed')) states.add(((await use('getUsersBatchJob', service.getUsersBatchJob(A, batch.jobId))) as Answer).state);
    const done = (await service.getUsersBatchJob(A, batch.jobId)) as Answer;
    expect(done.result.results).toEqual([expect.objectContaining({ status: 'created', xmppUsername: `${A}_s1`, user: expect.objectContaining({ xmppUsername: `${A}_s1` }) })]);
    const room = (await use('createChatRoomInApp', service.createChatRoomInApp(A, 'scoped', { title: 'Scoped', members: [`${A}_s1`] }))) as Answer;
    expect(room.result).toMatchObject({ name: `${A}_scoped`, members: [{ xmppUsername: `${A}_s1` }] });
    // Members appear in the user's chats at once (uptime relies on it).
    expect(((await use('getUserChatsInApp', service.getUserChatsInApp(A, 's1', { includeMembers: true }))) as Answer).chats).toHaveLength(1);
    expect(((await use('listChatsInApp', service.listChatsInApp(A, { limit: 10 }))) as Answer).chats).toEqual([expect.objectContaining({ name: `${A}_scoped` })]);
    expect(await use('removeUserAccessFromChatRoomInApp', service.removeUserAccessFromChatRoomInApp(A, 'scoped', 's1'))).toMatchObject({ ok: true });
    expect(await use('grantUserAccessToChatRoomInApp', service.grantUserAccessToChatRoomInApp(A, 'scoped', ['s1']))).toMatchObject({ ok: true });
    expect(emulator.state.room(A, 'scoped')?.members).toEqual(['s1']);
    expect(await use('deleteChatRoomInApp', service.deleteChatRoomInApp(A, 'scoped'))).toMatchObject({ ok: true });
    expect(await use('deleteUsersInApp', service.deleteUsersInApp(A, ['s1']))).toMatchObject({ ok: true });
    expect(emulator.state.userCount()).toBe(0);
  });

  it('builds room names; SDK bug (§6): createChatName prefixes an already-prefixed id, which the server collapses', async () => {
    expect(use('createChatName', service.createChatName('r9', false))).toBe(`${A}_r9`);
    // SDK bug (§6): a hard-coded JID domain, whatever the server's XMPP host.
    expect(service.createChatName('r9')).toBe(`${A}_r9@conference.xmpp.chat.ethora.com`);
    expect(service.createChatName(`${A}_r9`, false)).toBe(`${A}_${A}_r9`);
    emulator.addRoom({ chatId: 'r9' });
    expect(await service.deleteChatRoom(`${A}_r9`)).toMatchObject({ ok: true });
  });

  it('drove every public method of EthoraSDKService', () => {
    const publicMethods = Object.getOwnPropertyNames(sdk.EthoraSDKService.prototype).filter((name) => !PRIVATE.has(name));
    expect(publicMethods.filter((name) => !called.has(name))).toEqual([]);
    const functions = Object.entries(sdk).filter(([, v]) => typeof v === 'function' && v !== sdk.EthoraSDKService).map(([k]) => k);
    expect(functions.filter((name) => !called.has(name))).toEqual([]);
  });
});
