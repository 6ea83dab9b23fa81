import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EthoraAppsService, EthoraArgumentError, EthoraChatService, EthoraTokenError, EthoraTokenService, ETHORA_ID_PATTERN } from '../../lib/index.js';
import { EthoraAppChat } from '../../lib/chat-api/ethora-app-chat.js';
import type { EthoraChatApi } from '../../lib/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';
import { BAD_IDS, badAppIds, ids } from './support/bad-values.js';

interface Services {
  chat: EthoraChatService;
  /** `chat.forApp(CHILD)`: nothing is sent, so the child app need not exist. */
  child: EthoraChatApi;
  apps: EthoraAppsService;
  tokens: EthoraTokenService;
}

const CHILD = '0123456789abcdef01234567';
type Call = (s: Services, bad: never) => unknown;
/** [method, argument the error must name, call]; `optional` rows skip `undefined` (it means "left out" there). */
type Row = [method: string, argument: string | ((bad: unknown) => string), call: Call, optional?: 'optional'];

const u0 = { userId: 'u0' };

/** Every id argument of every public method, fed each of BAD_IDS. */
const ID_ROWS: Row[] = [
  ['createChatName', 'chatId', (s, v) => s.chat.createChatName(v)],
  ['createChatUserJwtToken', 'userId', (s, v) => s.chat.createChatUserJwtToken(v)],
  ['createUser', 'userId', (s, v) => s.chat.createUser(v)],
  ['createChatRoom', 'chatId', (s, v) => s.chat.createChatRoom(v)],
  ['createChatRoom', 'roomData.members[1]', (s, v) => s.chat.createChatRoom('room', { members: ['u0', v] })],
  ['grantUserAccessToChatRoom', 'chatId', (s, v) => s.chat.grantUserAccessToChatRoom(v, 'u0')],
  ['grantUserAccessToChatRoom', 'userIds', (s, v) => s.chat.grantUserAccessToChatRoom('room', v)],
  ['grantUserAccessToChatRoom', 'userIds[1]', (s, v) => s.chat.grantUserAccessToChatRoom('room', ['u0', v])],
  ['removeUserAccessFromChatRoom', 'chatId', (s, v) => s.chat.removeUserAccessFromChatRoom(v, 'u0')],
  ['removeUserAccessFromChatRoom', 'userIds', (s, v) => s.chat.removeUserAccessFromChatRoom('room', v)],
  ['removeUserAccessFromChatRoom', 'userIds[1]', (s, v) => s.chat.removeUserAccessFromChatRoom('room', ['u0', v])],
  ['grantChatbotAccessToChatRoom', 'chatId', (s, v) => s.chat.grantChatbotAccessToChatRoom(v)],
  ['deleteUsers', 'userIds[1]', (s, v) => s.chat.deleteUsers(['u0', v])],
  ['deleteChatRoom', 'chatId', (s, v) => s.chat.deleteChatRoom(v)],
  ['updateUsers', 'users[1].userId', (s, v) => s.chat.updateUsers([u0, { userId: v, firstName: 'Bo' }])],
  ['getUsers', 'options.chatName', (s, v) => s.chat.getUsers({ chatName: v }), 'optional'],
  ['getUsers', 'options.xmppUsername', (s, v) => s.chat.getUsers({ xmppUsername: v }), 'optional'],
  ['getUsers', 'options.userId', (s, v) => s.chat.getUsers({ userId: v }), 'optional'],
  ['iterateUsers', 'filter.chatName', (s, v) => s.chat.iterateUsers({ chatName: v }), 'optional'],
  ['iterateUsers', 'filter.xmppUsername', (s, v) => s.chat.iterateUsers({ xmppUsername: v }), 'optional'],
  ['iterateUsers', 'filter.userId', (s, v) => s.chat.iterateUsers({ userId: v }), 'optional'],
  ['getUserChats', 'userId', (s, v) => s.chat.getUserChats(v)],
  ['iterateUserChats', 'userId', (s, v) => s.chat.iterateUserChats(v)],
  ['updateChatRoom', 'chatId', (s, v) => s.chat.updateChatRoom(v, { title: 'Title' })],
  // A ticket object without a usable jobId is reported as job.jobId.
  ['waitForJob', (v) => (typeof v === 'object' && v !== null ? 'job.jobId' : 'job'), (s, v) => s.chat.waitForJob(v, { kind: 'users' })],
  ['waitForJob', 'job.jobId', (s, v) => s.chat.waitForJob({ jobId: v }, { kind: 'users' })],
  ['provisionWorkspace', 'chatId', (s, v) => s.chat.provisionWorkspace(v, [u0])],
  ['provisionWorkspace', 'users[1].userId', (s, v) => s.chat.provisionWorkspace('room', [u0, { userId: v }])],
  ['provisionWorkspace', 'roomData.members[1]', (s, v) => s.chat.provisionWorkspace('room', [u0], { roomData: { members: ['u0', v] } })],
  ['bulkCreateUsers', 'users[1].userId', (s, v) => s.chat.bulkCreateUsers([u0, { userId: v }])],
  ['bulkGrantAccess', 'chatId', (s, v) => s.chat.bulkGrantAccess(v, ['u0'])],
  ['bulkGrantAccess', 'userIds[1]', (s, v) => s.chat.bulkGrantAccess('room', ['u0', v])],
  ['bulkRemoveAccess', 'chatId', (s, v) => s.chat.bulkRemoveAccess(v, ['u0'])],
  ['bulkRemoveAccess', 'userIds[1]', (s, v) => s.chat.bulkRemoveAccess('room', ['u0', v])],
  ['revokeAppToken', 'tokenId', (s, v) => s.apps.revokeAppToken(CHILD, v)],
  ['rotateAppToken', 'tokenId', (s, v) => s.apps.rotateAppToken(CHILD, v)],
  ['broadcast', 'request.chatIds[1]', (s, v) => s.chat.broadcast({ text: 'Hi', chatIds: ['r0', v] })],
  ['broadcast', 'request.chatNames[1]', (s, v) => s.child.broadcast({ text: 'Hi', chatNames: ['r0', v] })],
  ['createUser', 'userId', (s, v) => s.child.createUser(v)],
  ['deleteUsers', 'userIds[1]', (s, v) => s.child.deleteUsers(['u0', v])],
  ['createChatRoom', 'chatId', (s, v) => s.child.createChatRoom(v)],
  ['deleteChatRoom', 'chatId', (s, v) => s.child.deleteChatRoom(v)],
  ['grantUserAccessToChatRoom', 'userIds[1]', (s, v) => s.child.grantUserAccessToChatRoom('room', ['u0', v])],
  ['removeUserAccessFromChatRoom', 'userIds', (s, v) => s.child.removeUserAccessFromChatRoom('room', v)],
  ['getUserByXmppUsername', 'xmppUsername', (s, v) => s.chat.getUserByXmppUsername(v)],
  ['sendMessage', 'chatId', (s, v) => s.chat.sendMessage(v, 'Hello')],
  ['getRoomHistory', 'chatId', (s, v) => s.chat.getRoomHistory(v)],
  ['iterateRoomHistory', 'chatId', (s, v) => s.chat.iterateRoomHistory(v)],
  ['createClientToken', 'userId', (s, v) => s.tokens.createClientToken(v)],
];

/** Every app id argument, fed each of badAppIds() and `undefined` (app ids are always explicit). */
const APP_ID_ROWS: Row[] = [
  ['forApp', 'childAppId', (s, v) => s.chat.forApp(v)],
  ['getApp', 'appId', (s, v) => s.apps.getApp(v)],
  ['updateApp', 'appId', (s, v) => s.apps.updateApp(v, { displayName: 'Tenant' })],
  ['deleteApp', 'appId', (s, v) => s.apps.deleteApp(v)],
  ['listAppTokens', 'appId', (s, v) => s.apps.listAppTokens(v)],
  ['createAppToken', 'appId', (s, v) => s.apps.createAppToken(v)],
  ['revokeAppToken', 'appId', (s, v) => s.apps.revokeAppToken(v, 'tok1')],
  ['rotateAppToken', 'appId', (s, v) => s.apps.rotateAppToken(v, 'tok1')],
  ['provisionApp', 'appId', (s, v) => s.apps.provisionApp(v)],
];

/** How an array argument is filled: plain ids, or `{ userId }` entries (whose duplicates are named `[i].userId`). */
type ListKind = 'ids' | 'users';
/** [method, argument, kind, per-call limit (undefined: bulk, any length), call]. */
type ListRow = [method: string, argument: string, kind: ListKind, limit: number | undefined, call: Call];

const LIST_ROWS: ListRow[] = [
  ['createChatRoom', 'roomData.members', 'ids', 100, (s, l) => s.chat.createChatRoom('room', { members: l })],
  ['grantUserAccessToChatRoom', 'userIds', 'ids', 100, (s, l) => s.chat.grantUserAccessToChatRoom('room', l)],
  ['removeUserAccessFromChatRoom', 'userIds', 'ids', 100, (s, l) => s.chat.removeUserAccessFromChatRoom('room', l)],
  ['deleteUsers', 'userIds', 'ids', 100, (s, l) => s.chat.deleteUsers(l)],
  ['updateUsers', 'users', 'users', undefined, (s, l) => s.chat.updateUsers(l)],
  ['provisionWorkspace', 'users', 'users', undefined, (s, l) => s.chat.provisionWorkspace('room', l)],
  ['provisionWorkspace', 'roomData.members', 'ids', 100, (s, l) => s.chat.provisionWorkspace('room', [u0], { roomData: { members: l } })],
  ['bulkCreateUsers', 'users', 'users', undefined, (s, l) => s.chat.bulkCreateUsers(l)],
  ['bulkGrantAccess', 'userIds', 'ids', undefined, (s, l) => s.chat.bulkGrantAccess('room', l)],
  ['bulkRemoveAccess', 'userIds', 'ids', undefined, (s, l) => s.chat.bulkRemoveAccess('room', l)],
  ['broadcast', 'request.chatIds', 'ids', 1_000, (s, l) => s.chat.broadcast({ text: 'Hi', chatIds: l })],
  ['broadcast', 'request.chatNames', 'ids', 1_000, (s, l) => s.child.broadcast({ text: 'Hi', chatNames: l })],
  ['bulkCreateUsers', 'users', 'users', undefined, (s, l) => s.child.bulkCreateUsers(l)],
  ['deleteUsers', 'userIds', 'ids', 100, (s, l) => s.child.deleteUsers(l)],
  ['createChatRoom', 'roomData.members', 'ids', 100, (s, l) => s.child.createChatRoom('room', { members: l })],
  ['grantUserAccessToChatRoom', 'userIds', 'ids', 100, (s, l) => s.child.grantUserAccessToChatRoom('room', l)],
  ['removeUserAccessFromChatRoom', 'userIds', 'ids', 100, (s, l) => s.child.removeUserAccessFromChatRoom('room', l)],
];

/** Methods with neither id nor array arguments: their other arguments are refused the same way. */
const OTHER_ROWS: Array<[method: string, argument: string, run: (s: Services) => unknown]> = [
  ['createApp', 'data', (s) => s.apps.createApp(null as never)],
  ['createApp', 'data.displayName', (s) => s.apps.createApp({ displayName: ' ' })],
  ['listApps', 'options', (s) => s.apps.listApps(42 as never)],
  ['listApps', 'options.limit', (s) => s.apps.listApps({ limit: 501 })],
  ['iterateApps', 'options.order', (s) => s.apps.iterateApps({ order: 'sideways' as never })],
  ['updateApp', 'data', (s) => s.apps.updateApp(CHILD, {})],
  ['updateApp', 'data.meta', (s) => s.apps.updateApp(CHILD, { meta: 1n } as never)],
  ['createApp', 'data.settings.when', (s) => s.apps.createApp({ displayName: 'Tenant', settings: { when: new Date() } })],
  ['createUser', 'userData.tags[1]', (s) => s.chat.createUser('u0', { tags: ['a', , 'b'] })], // eslint-disable-line no-sparse-arrays
  ['createUser', 'userData.profile.self', (s) => s.chat.createUser('u0', { profile: cyclic() })],
  ['createChatRoom', 'roomData.meta', (s) => s.child.createChatRoom('room', { meta: () => 1 } as never)],
  ['updateBot', 'settings.limits', (s) => s.chat.updateBot({ status: 'on', limits: new Map() })],
  ['bulkCreateUsers', 'users[1]', (s) => s.chat.bulkCreateUsers([u0, , u0] as never)], // eslint-disable-line no-sparse-arrays
  ['bulkGrantAccess', 'userIds[1]', (s) => s.chat.bulkGrantAccess('room', ['u0', null as never])],
  ['bulkRemoveAccess', 'userIds[2]', (s) => s.chat.bulkRemoveAccess('room', ['Alice', 'bob', 'ALICE'])],
  ['sendMessage', 'text', (s) => s.chat.sendMessage('room', ' ')],
  ['getRoomHistory', 'options.limit', (s) => s.chat.getRoomHistory('room', { limit: 101 })],
  ['iterateRoomHistory', 'options.pageSize', (s) => s.chat.iterateRoomHistory('room', { pageSize: 101 })],
  ['getChatRooms', 'options.limit', (s) => s.child.getChatRooms({ limit: 0 })],
  ['iterateChatRooms', 'options.pageSize', (s) => s.chat.iterateChatRooms({ pageSize: 501 })],
  ['updateBot', 'settings', (s) => s.child.updateBot(null as never)],
  ['createChatName', 'full', (s) => s.chat.createChatName('room', 'yes' as never)],
  ['createChatUserJwtToken', 'options', (s) => s.chat.createChatUserJwtToken('u0', null as never)],
  ['createClientToken', 'options', (s) => s.tokens.createClientToken('u0', null as never)],
  ['createClientToken', 'options.expiresInSeconds', (s) => s.tokens.createClientToken('u0', { expiresInSeconds: -1 })],
  // An empty desired list is not refused as an argument: the mass-removal guard decides about it.
  ['syncRoomMembers', 'desiredUserIds', (s) => s.chat.syncRoomMembers('room', 'u0,u1' as never)],
  ['syncRoomMembers', 'options.maxRemovalShare', (s) => s.chat.syncRoomMembers('room', ['u0'], { maxRemovalShare: 2 })],
  ['syncWorkspace', 'users', (s) => s.chat.syncWorkspace('room', { 0: u0, length: 1 } as never)],
  ['syncWorkspace', 'options.roomData', (s) => s.chat.syncWorkspace('room', [u0], { roomData: 42 as never })],
];

/** Public methods with no argument to refuse. */
const NO_ARGUMENTS = ['ping', 'getBot'];

const NOT_REFUSED = Symbol('not refused');

function cyclic(): Record<string, unknown> {
  const profile: Record<string, unknown> = { name: 'x' };
  profile.self = profile;
  return profile;
}

/** Runs a call (sync or async, generators pulled once) and returns what it threw, or NOT_REFUSED. */
async function refusalOf(run: () => unknown): Promise<unknown> {
  try {
    const result = run();
    if (result && typeof (result as AsyncGenerator)[Symbol.asyncIterator] === 'function') await (result as AsyncGenerator).next();
    else await result;
  } catch (error) {
    return error;
  }
  return NOT_REFUSED;
}

const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value) : String(value));

describe('every public method refuses bad ids and lists before sending anything', () => {
  let ctx: EthoraTestContext;
  let services: Services;
  beforeAll(async () => {
    ctx = await createEthoraTestContext({ chatbotJid: 'helper-bot' });
    services = { chat: ctx.service, child: ctx.service.forApp(CHILD), apps: ctx.moduleRef.get(EthoraAppsService), tokens: ctx.tokens };
  });
  afterAll(() => ctx.close());

  /** Problems found for one call: no refusal, the wrong error class, or the wrong argument named. */
  async function problemsOf(label: string, argument: string, run: () => unknown): Promise<string[]> {
    const error = await refusalOf(run);
    if (error === NOT_REFUSED) return [`${label}: not refused`];
    if (!(error instanceof EthoraArgumentError)) return [`${label}: threw ${(error as Error)?.name}: ${(error as Error)?.message}`];
    if (error.argument !== argument) return [`${label}: named "${error.argument}", expected "${argument}"`];
    if (!error.message.startsWith(`Invalid argument ${argument}: `)) return [`${label}: message "${error.message}"`];
    return [];
  }

  // Rows padded to 4 entries: jest would take a 4th parameter missing from the row for a `done` callback.
  const idCases = ID_ROWS.map(([method, argument, call, optional]) => {
    const label = typeof argument === 'string' ? argument : `${argument('x')} (${argument({})} for an object)`;
    return [method, label, argument, call, optional === 'optional'] as const;
  });
  it.each(idCases)('%s refuses every bad id as %s', async (_method, _label, argument, call, optional) => {
    const problems: string[] = [];
    for (const [label, bad] of BAD_IDS) {
      if (optional && bad === undefined) continue;
      const expected = typeof argument === 'function' ? argument(bad) : argument;
      problems.push(...(await problemsOf(`${label} ${show(bad)}`, expected, () => call(services, bad as never))));
    }
    expect(problems).toEqual([]);
    expect(ctx.emulator.requests).toEqual([]);
  });

  it.each(APP_ID_ROWS)('%s refuses every bad app id as %s', async (_method, argument, call) => {
    const problems: string[] = [];
    for (const [label, bad] of [...badAppIds(ctx.emulator.appId), ['undefined', undefined] as const]) {
      problems.push(...(await problemsOf(`${label} ${show(bad)}`, argument as string, () => call(services, bad as never))));
    }
    expect(problems).toEqual([]);
    expect(ctx.emulator.requests).toEqual([]);
  });

  it.each(LIST_ROWS)('%s refuses a bad %s list', async (_method, argument, kind, limit, call) => {
    const item = (id: string) => (kind === 'ids' ? id : { userId: id });
    const entry = (index: number) => (kind === 'ids' ? `${argument}[${index}]` : `${argument}[${index}].userId`);
    const cases: Array<[string, unknown, string]> = [
      ['a number', 42, argument],
      ['null', null, argument],
      ['an array-like object', { 0: 'u0', length: 1 }, argument],
      ['a comma-separated string', 'u0,u1', argument],
      ['with a duplicate', ['u0', 'u1', 'u0'].map(item), entry(2)],
      ['empty', [], argument],
    ];
    if (limit === undefined) {
      // Bulk methods take any length: a duplicate at the end of a long list is still found before anything is sent.
      cases.push(['long, with a duplicate at the end', [...ids(1_000), 'id7'].map(item), entry(1_000)]);
    } else {
      cases.push([`over the limit of ${limit}`, ids(limit + 1).map(item), argument]);
    }
    const problems: string[] = [];
    for (const [label, bad, expected] of cases) problems.push(...(await problemsOf(label, expected, () => call(services, bad as never))));
    expect(problems).toEqual([]);
    expect(ctx.emulator.requests).toEqual([]);
  });

  it.each(OTHER_ROWS)('%s refuses a bad %s', async (_method, argument, run) => {
    expect(await problemsOf('value', argument, () => run(services))).toEqual([]);
    expect(ctx.emulator.requests).toEqual([]);
  });

  it('verifyClientToken rejects any malformed token with EthoraTokenError, never quoting it', async () => {
    const bad: unknown[] = ['', ' ', 'a/b', 'x'.repeat(5_000), 'a.b.c', 'e30.e30.\u0000', 42, null, undefined, { token: 'x' }];
    for (const token of bad) {
      const error = await refusalOf(() => services.tokens.verifyClientToken(token as never));
      expect(error).toBeInstanceOf(EthoraTokenError);
      if (typeof token === 'string' && token.trim().length > 3) expect((error as Error).message).not.toContain(token);
    }
    expect(ctx.emulator.requests).toEqual([]);
  });

  it('covers every public method of EthoraChatService (and so of forApp), EthoraAppsService and the token calls', () => {
    const covered = new Set([...ID_ROWS, ...APP_ID_ROWS, ...LIST_ROWS, ...OTHER_ROWS].map(([method]) => method));
    // Methods only: getters (such as rateLimitState) take no input and send nothing.
    const publicMethods = (cls: { prototype: object }) =>
      Object.getOwnPropertyNames(cls.prototype).filter((name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(cls.prototype, name)?.value === 'function');
    const missing = [...publicMethods(EthoraAppChat), ...publicMethods(EthoraChatService), ...publicMethods(EthoraAppsService), 'createClientToken']
      .filter((method) => !covered.has(method) && !NO_ARGUMENTS.includes(method));
    expect(missing).toEqual([]);
  });

  it('accepts exactly the documented id alphabet', () => {
    const good = ['a', 'A', '7', 'a_b-c.d', 'a'.repeat(256), 'user-7', 'ws.42', 'a_', 'a-'];
    const bad = ['', '_a', '.a', '-a', 'a.', 'a..b', 'a/b', 'a b', 'a@b', 'ü'];
    for (const id of good) expect(ETHORA_ID_PATTERN.test(id) && !id.includes('..')).toBe(true);
    for (const id of bad) expect(ETHORA_ID_PATTERN.test(id) && !id.includes('..')).toBe(false);
    for (const id of good) expect(() => services.chat.createChatName(id)).not.toThrow();
  });
});
