import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  EthoraAppsService,
  EthoraArgumentError,
  EthoraChatService,
  EthoraTokenError,
  EthoraTokenService,
  ETHORA_ID_PATTERN,
} from '../../lib/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';
import { BAD_IDS, badAppIds, ids } from './support/bad-values.js';

interface Services {
  chat: EthoraChatService;
  apps: EthoraAppsService;
  tokens: EthoraTokenService;
}
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
  ['createUsers', 'users[1].userId', (s, v) => s.chat.createUsers([u0, { userId: v }])],
  ['grantUsersAccessToChatRoom', 'chatId', (s, v) => s.chat.grantUsersAccessToChatRoom(v, ['u0'])],
  ['grantUsersAccessToChatRoom', 'userIds[1]', (s, v) => s.chat.grantUsersAccessToChatRoom('room', ['u0', v])],
  ['removeUsersAccessFromChatRoom', 'chatId', (s, v) => s.chat.removeUsersAccessFromChatRoom(v, ['u0'])],
  ['removeUsersAccessFromChatRoom', 'userIds[1]', (s, v) => s.chat.removeUsersAccessFromChatRoom('room', ['u0', v])],
  ['revokeAppToken', 'tokenId', (s, v) => s.apps.revokeAppToken(undefined, v)],
  ['rotateAppToken', 'tokenId', (s, v) => s.apps.rotateAppToken(undefined, v)],
  ['broadcast', 'request.chatIds[1]', (s, v) => s.apps.broadcast(undefined, { text: 'Hi', chatIds: ['r0', v] })],
  ['broadcast', 'request.chatNames[1]', (s, v) => s.apps.broadcast(undefined, { text: 'Hi', chatNames: ['r0', v] })],
  ['createAppUsers', 'users[1].userId', (s, v) => s.apps.createAppUsers(undefined, [u0, { userId: v }])],
  ['deleteAppUsers', 'userIds[1]', (s, v) => s.apps.deleteAppUsers(undefined, ['u0', v])],
  ['createAppChatRoom', 'chatId', (s, v) => s.apps.createAppChatRoom(undefined, v)],
  ['createAppChatRoom', 'roomData.members[1]', (s, v) => s.apps.createAppChatRoom(undefined, 'room', { members: ['u0', v] })],
  ['deleteAppChatRoom', 'chatId', (s, v) => s.apps.deleteAppChatRoom(undefined, v)],
  ['grantAppUserAccess', 'chatId', (s, v) => s.apps.grantAppUserAccess(undefined, v, 'u0')],
  ['grantAppUserAccess', 'userIds', (s, v) => s.apps.grantAppUserAccess(undefined, 'room', v)],
  ['grantAppUserAccess', 'userIds[1]', (s, v) => s.apps.grantAppUserAccess(undefined, 'room', ['u0', v])],
  ['removeAppUserAccess', 'chatId', (s, v) => s.apps.removeAppUserAccess(undefined, v, 'u0')],
  ['removeAppUserAccess', 'userIds', (s, v) => s.apps.removeAppUserAccess(undefined, 'room', v)],
  ['removeAppUserAccess', 'userIds[1]', (s, v) => s.apps.removeAppUserAccess(undefined, 'room', ['u0', v])],
  ['createClientToken', 'userId', (s, v) => s.tokens.createClientToken(v)],
];

/** Every app id argument, fed each of badAppIds(). `undefined` is valid there (the configured app). */
const APP_ID_ROWS: Row[] = [
  ['waitForJob', 'options.appId', (s, v) => s.chat.waitForJob('job1', { kind: 'users', appId: v })],
  ['getApp', 'appId', (s, v) => s.apps.getApp(v)],
  ['deleteApp', 'appId', (s, v) => s.apps.deleteApp(v)],
  ['listAppTokens', 'appId', (s, v) => s.apps.listAppTokens(v)],
  ['createAppToken', 'appId', (s, v) => s.apps.createAppToken(v)],
  ['revokeAppToken', 'appId', (s, v) => s.apps.revokeAppToken(v, 'tok1')],
  ['rotateAppToken', 'appId', (s, v) => s.apps.rotateAppToken(v, 'tok1')],
  ['provisionApp', 'appId', (s, v) => s.apps.provisionApp(v)],
  ['getBot', 'appId', (s, v) => s.apps.getBot(v)],
  ['updateBot', 'appId', (s, v) => s.apps.updateBot(v, { status: 'on' })],
  ['broadcast', 'appId', (s, v) => s.apps.broadcast(v, { text: 'Hi', allRooms: true })],
  ['createAppUsers', 'appId', (s, v) => s.apps.createAppUsers(v, [u0])],
  ['deleteAppUsers', 'appId', (s, v) => s.apps.deleteAppUsers(v, ['u0'])],
  ['createAppChatRoom', 'appId', (s, v) => s.apps.createAppChatRoom(v, 'room')],
  ['listAppChatRooms', 'appId', (s, v) => s.apps.listAppChatRooms(v)],
  ['iterateAppChatRooms', 'appId', (s, v) => s.apps.iterateAppChatRooms(v)],
  ['deleteAppChatRoom', 'appId', (s, v) => s.apps.deleteAppChatRoom(v, 'room')],
  ['grantAppUserAccess', 'appId', (s, v) => s.apps.grantAppUserAccess(v, 'room', 'u0')],
  ['removeAppUserAccess', 'appId', (s, v) => s.apps.removeAppUserAccess(v, 'room', 'u0')],
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
  ['createUsers', 'users', 'users', undefined, (s, l) => s.chat.createUsers(l)],
  ['grantUsersAccessToChatRoom', 'userIds', 'ids', undefined, (s, l) => s.chat.grantUsersAccessToChatRoom('room', l)],
  ['removeUsersAccessFromChatRoom', 'userIds', 'ids', undefined, (s, l) => s.chat.removeUsersAccessFromChatRoom('room', l)],
  ['broadcast', 'request.chatIds', 'ids', 1_000, (s, l) => s.apps.broadcast(undefined, { text: 'Hi', chatIds: l })],
  ['broadcast', 'request.chatNames', 'ids', 1_000, (s, l) => s.apps.broadcast(undefined, { text: 'Hi', chatNames: l })],
  ['createAppUsers', 'users', 'users', 100, (s, l) => s.apps.createAppUsers(undefined, l)],
  ['deleteAppUsers', 'userIds', 'ids', 100, (s, l) => s.apps.deleteAppUsers(undefined, l)],
  ['createAppChatRoom', 'roomData.members', 'ids', 100, (s, l) => s.apps.createAppChatRoom(undefined, 'room', { members: l })],
  ['grantAppUserAccess', 'userIds', 'ids', 100, (s, l) => s.apps.grantAppUserAccess(undefined, 'room', l)],
  ['removeAppUserAccess', 'userIds', 'ids', 100, (s, l) => s.apps.removeAppUserAccess(undefined, 'room', l)],
];

/** Methods with neither id nor array arguments: their other arguments are refused the same way. */
const OTHER_ROWS: Array<[method: string, argument: string, run: (s: Services) => unknown]> = [
  ['createApp', 'data', (s) => s.apps.createApp(null as never)],
  ['createApp', 'data.displayName', (s) => s.apps.createApp({ displayName: ' ' })],
  ['listApps', 'options', (s) => s.apps.listApps(42 as never)],
  ['listApps', 'options.limit', (s) => s.apps.listApps({ limit: 501 })],
  ['iterateApps', 'options.order', (s) => s.apps.iterateApps({ order: 'sideways' as never })],
  ['deleteApp', 'appId', (s) => s.apps.deleteApp(undefined as never)],
  ['createChatUserJwtToken', 'options', (s) => s.chat.createChatUserJwtToken('u0', null as never)],
  ['createClientToken', 'options', (s) => s.tokens.createClientToken('u0', null as never)],
  ['createClientToken', 'options.expiresInSeconds', (s) => s.tokens.createClientToken('u0', { expiresInSeconds: -1 })],
];

/** Public methods with no argument to refuse. */
const NO_ARGUMENTS = ['ping'];

const NOT_REFUSED = Symbol('not refused');

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
    services = { chat: ctx.service, apps: ctx.moduleRef.get(EthoraAppsService), tokens: ctx.tokens };
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
    for (const [label, bad] of badAppIds(ctx.emulator.appId)) {
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

  it('covers every public method of EthoraChatService, EthoraAppsService and the token calls', () => {
    const covered = new Set([...ID_ROWS, ...APP_ID_ROWS, ...LIST_ROWS, ...OTHER_ROWS].map(([method]) => method));
    // Methods only: getters (such as rateLimitState) take no input and send nothing.
    const publicMethods = (cls: { prototype: object }) =>
      Object.getOwnPropertyNames(cls.prototype).filter((name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(cls.prototype, name)?.value === 'function');
    const missing = [...publicMethods(EthoraChatService), ...publicMethods(EthoraAppsService), 'createClientToken']
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
