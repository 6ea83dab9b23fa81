import { afterEach, describe, expect, it } from '@jest/globals';
import { inspect } from 'node:util';
import { EthoraAppsService, EthoraChatService } from '../../lib/index.js';
import { EthoraAppChat } from '../../lib/chat-api/ethora-app-chat.js';
import { deriveSigningKey } from '../../lib/tokens/signing-key.js';
import type { FaultRule } from '../../lib/testing/emulator/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';
import { leakedSecrets, renderErrorChain } from '../support/secret-scan.js';

const UNKNOWN_APP = 'ffffffffffffffffffffffff';
const APP_TOKEN = 'JWT app-token-secret-6d1f0b9e27c4';
const PASSWORDS = {
  createUser: 'pw-createUser-3f9a1c77',
  createUserFailing: 'pw-createUser-failing-8b2d',
  createUsers: 'pw-createUsers-5e61a0d2',
  createUsersFailing: 'pw-createUsers-failing-77c4',
  provisionWorkspace: 'pw-provision-0c4e9b13',
  provisionWorkspaceFailing: 'pw-provision-failing-a1f0',
  childCreateUser: 'pw-child-createUser-d93b2e58',
  childCreateUserFailing: 'pw-child-createUser-failing-41aa',
  syncWorkspace: 'pw-syncWorkspace-6d0e2b95',
  syncWorkspaceFailing: 'pw-syncWorkspace-failing-c37a',
};

/** A fault for the next request only, so a call fails on its first request (maxRetries is 0). */
const once = (rule: FaultRule): FaultRule => ({ ...rule, times: 1 });
const F = {
  // Twice: the client heals one 401 by minting a new server token.
  unauthorized: { status: 401, body: 'json', times: 2 } as FaultRule,
  forbidden: once({ status: 403, body: 'string' }),
  unavailable: once({ status: 503 }),
  serverError: once({ status: 500, body: 'string' }),
  badGateway: once({ status: 502 }),
  reset: once({ reset: true }),
  rateLimited: once({ status: 429, retryAfter: 3_600 }),
  hang: once({ hang: true }),
  unprocessable: once({ status: 422, body: 'json' }),
};

/** Drains an async generator. */
async function drain<T>(items: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('no secret reaches logs, errors or inspected services, for any public method', () => {
  let ctx: EthoraTestContext;
  afterEach(() => ctx.close());

  it('calls every method once succeeding and once failing, then scans everything', async () => {
    const logger = new CaptureLogger();
    ctx = await createEthoraTestContext({ logging: true, logRequestBodies: true, logger, maxRetries: 0, timeoutMs: 300, chatbotJid: 'helper-bot', appToken: APP_TOKEN });
    const { emulator, service: chat, tokens } = ctx;
    const apps = ctx.moduleRef.get(EthoraAppsService);
    emulator.addUser({ userId: 'helper-bot' });

    const secrets = new Map<string, string>([
      ['app secret', emulator.appSecret],
      ['app token', APP_TOKEN.slice(4)],
      ['server-scoped key', deriveSigningKey(emulator.appSecret, 'server')],
      ['client-scoped key', deriveSigningKey(emulator.appSecret, 'client')],
      ['server token', tokens.getServerToken()],
      ...Object.entries(PASSWORDS).map(([call, password]): [string, string] => [`password of ${call}`, password]),
    ]);
    const keep = (label: string, secret: string): string => (secrets.set(label, secret), secret);
    const errors: unknown[] = [];
    const reports: unknown[] = [];
    const called = new Set<string>();

    /** Runs the call that should succeed. */
    const ok = async <T>(method: string, run: () => T | Promise<T>): Promise<T> => {
      called.add(method);
      return run();
    };
    /** Runs the call with `fault` armed (or none, for a missing resource or bad input) and keeps what it threw. */
    const fails = async (method: string, fault: FaultRule | undefined, run: () => unknown): Promise<void> => {
      called.add(method);
      const handle = fault && emulator.faults.add(fault);
      const error = await Promise.resolve().then(run).then(() => undefined, (e: unknown) => e);
      expect({ method, failed: error !== undefined }).toEqual({ method, failed: true });
      if (handle) expect({ method, faultHit: handle.hits }).toEqual({ method, faultHit: fault.times ?? 1 });
      errors.push(error);
    };
    /** Runs a bulk call with `fault` armed: it resolves to a report whose failures are kept for the scan. */
    const failsInReport = async (method: string, fault: FaultRule, run: () => Promise<{ ok: boolean }>): Promise<void> => {
      called.add(method);
      emulator.faults.add(fault);
      const report = await run();
      expect({ method, ok: report.ok }).toEqual({ method, ok: false });
      reports.push(report);
    };

    // EthoraTokenService
    await ok('getServerToken', () => tokens.getServerToken());
    const carolToken = keep('client token (createClientToken)', await ok('createClientToken', () => tokens.createClientToken('carol')));
    await fails('createClientToken', undefined, () => tokens.createClientToken('bad/id'));
    await ok('verifyClientToken', () => tokens.verifyClientToken(carolToken));
    await fails('verifyClientToken', undefined, () => tokens.verifyClientToken(`${carolToken}x`));

    // EthoraChatService: rooms, users, access
    await ok('createChatName', () => chat.createChatName('room'));
    await fails('createChatName', undefined, () => chat.createChatName('bad/id'));
    keep('client token (createChatUserJwtToken)', await ok('createChatUserJwtToken', () => chat.createChatUserJwtToken('alice')));
    await fails('createChatUserJwtToken', undefined, () => chat.createChatUserJwtToken('alice', { expiresInSeconds: 0 }));
    await ok('createUser', () => chat.createUser('alice', { password: PASSWORDS.createUser }));
    await fails('createUser', once({ path: '/v2/users/batch/:jobId', status: 503 }), () =>
      chat.createUser('bob', { password: PASSWORDS.createUserFailing }),
    );
    await ok('createChatRoom', () => chat.createChatRoom('room', { title: 'Room' }));
    await fails('createChatRoom', F.unauthorized, () => chat.createChatRoom('room-2'));
    await ok('grantUserAccessToChatRoom', () => chat.grantUserAccessToChatRoom('room', 'alice'));
    await fails('grantUserAccessToChatRoom', F.reset, () => chat.grantUserAccessToChatRoom('room', 'alice'));
    await ok('removeUserAccessFromChatRoom', () => chat.removeUserAccessFromChatRoom('room', 'alice'));
    await fails('removeUserAccessFromChatRoom', F.forbidden, () => chat.removeUserAccessFromChatRoom('room', 'alice'));
    await ok('grantChatbotAccessToChatRoom', () => chat.grantChatbotAccessToChatRoom('room'));
    await fails('grantChatbotAccessToChatRoom', F.serverError, () => chat.grantChatbotAccessToChatRoom('room'));
    await ok('updateChatRoom', () => chat.updateChatRoom('room', { title: 'Room one' }));
    await fails('updateChatRoom', undefined, () => chat.updateChatRoom('no-such-room', { title: 'Nope' }));

    // EthoraChatService: directory, jobs, health
    await ok('updateUsers', () => chat.updateUsers([{ userId: 'alice', firstName: 'Alice' }]));
    called.add('updateUsers');
    emulator.faults.add(F.badGateway);
    const updateFailures = (await chat.updateUsers([{ userId: 'alice', lastName: 'Liddell' }])).filter((r) => r.status === 'failed');
    expect(updateFailures).toHaveLength(1);
    errors.push(...updateFailures.map((r) => r.error));
    await ok('getUsers', () => chat.getUsers({ chatName: 'room' }));
    await fails('getUsers', F.unauthorized, () => chat.getUsers());
    await ok('iterateUsers', () => drain(chat.iterateUsers({ chatName: 'room' })));
    await fails('iterateUsers', F.rateLimited, () => drain(chat.iterateUsers()));
    await ok('getUserChats', () => chat.getUserChats('alice', { includeMembers: true }));
    await fails('getUserChats', undefined, () => chat.getUserChats('nobody'));
    await ok('iterateUserChats', () => drain(chat.iterateUserChats('alice')));
    await fails('iterateUserChats', F.hang, () => drain(chat.iterateUserChats('alice')));
    const ticket = await chat.broadcast({ text: 'Hello', allRooms: true }, { wait: false });
    await ok('waitForJob', () => chat.waitForJob(ticket.jobId as string, { kind: 'broadcast' }));
    await fails('waitForJob', undefined, () => chat.waitForJob('000000000000000000000000', { kind: 'users' }));
    await ok('ping', () => chat.ping());
    await fails('ping', F.unavailable, () => chat.ping());
    await ok('getUserByXmppUsername', () => chat.getUserByXmppUsername('alice'));
    await fails('getUserByXmppUsername', F.unauthorized, () => chat.getUserByXmppUsername('alice'));

    // EthoraChatService: messages with the app token (the ok calls need emulator routes from #11)
    await fails('sendMessage', F.unavailable, () => chat.sendMessage('room', 'Hello from the bot'));
    // An app token cannot be renewed, so its 401 is final after one hit.
    await fails('getRoomHistory', { ...F.unauthorized, times: 1 }, () => chat.getRoomHistory('room', { limit: 10 }));
    await fails('iterateRoomHistory', F.serverError, () => drain(chat.iterateRoomHistory('room')));

    // EthoraChatService: bulk (failures are in the reports)
    const provisioned = [{ userId: 'p1', password: PASSWORDS.provisionWorkspace }];
    await ok('provisionWorkspace', () => chat.provisionWorkspace('ws', provisioned));
    await failsInReport('provisionWorkspace', once({ path: '/v2/users/batch', status: 503 }), () =>
      chat.provisionWorkspace('ws', [{ userId: 'p2', password: PASSWORDS.provisionWorkspaceFailing }]),
    );
    await ok('bulkCreateUsers', () => chat.bulkCreateUsers([{ userId: 'c1', password: PASSWORDS.createUsers }]));
    await failsInReport('bulkCreateUsers', F.reset, () => chat.bulkCreateUsers([{ userId: 'c2', password: PASSWORDS.createUsersFailing }]));
    await ok('bulkGrantAccess', () => chat.bulkGrantAccess('ws', ['c1']));
    await failsInReport('bulkGrantAccess', F.unauthorized, () => chat.bulkGrantAccess('ws', ['c1']));
    await ok('bulkRemoveAccess', () => chat.bulkRemoveAccess('ws', ['c1']));
    await failsInReport('bulkRemoveAccess', F.unavailable, () => chat.bulkRemoveAccess('ws', ['c1']));
    await ok('syncWorkspace', () => chat.syncWorkspace('ws', [{ userId: 'p1' }, { userId: 's1', password: PASSWORDS.syncWorkspace }]));
    await failsInReport('syncWorkspace', once({ path: '/v2/users/batch', status: 503 }), () =>
      chat.syncWorkspace('ws', [{ userId: 'p1' }, { userId: 's1' }, { userId: 's2', password: PASSWORDS.syncWorkspaceFailing }]),
    );
    await ok('syncRoomMembers', () => chat.syncRoomMembers('ws', ['p1', 's1']));
    await fails('syncRoomMembers', F.unauthorized, () => chat.syncRoomMembers('ws', ['p1']));
    await ok('deleteUsers', () => chat.deleteUsers(['c1']));
    await fails('deleteUsers', F.badGateway, () => chat.deleteUsers(['p1']));
    await ok('deleteChatRoom', () => chat.deleteChatRoom('ws'));
    await fails('deleteChatRoom', F.unavailable, () => chat.deleteChatRoom('room'));

    // EthoraAppsService: apps and app tokens
    const child = await ok('createApp', () => apps.createApp({ displayName: 'Child app' }));
    keep('appToken of createApp', child.appToken as string);
    await fails('createApp', F.unavailable, () => apps.createApp({ displayName: 'Another child' }));
    await ok('getApp', () => apps.getApp(child._id));
    await fails('getApp', undefined, () => apps.getApp(UNKNOWN_APP));
    await ok('listApps', () => apps.listApps({ limit: 10 }));
    await fails('listApps', F.serverError, () => apps.listApps());
    await ok('iterateApps', () => drain(apps.iterateApps()));
    await fails('iterateApps', F.reset, () => drain(apps.iterateApps()));
    const created = await ok('createAppToken', () => apps.createAppToken(emulator.appId, { label: 'ci' }));
    keep('app token secret (createAppToken)', created.token);
    await fails('createAppToken', F.unavailable, () => apps.createAppToken(emulator.appId, { label: 'ci-2' }));
    await ok('listAppTokens', () => apps.listAppTokens(emulator.appId));
    await fails('listAppTokens', F.forbidden, () => apps.listAppTokens(emulator.appId));
    keep('app token secret (rotateAppToken)', (await ok('rotateAppToken', () => apps.rotateAppToken(emulator.appId, created.tokenId))).token);
    await fails('rotateAppToken', undefined, () => apps.rotateAppToken(emulator.appId, 'unknown-token'));
    await ok('revokeAppToken', () => apps.revokeAppToken(emulator.appId, created.tokenId));
    await fails('revokeAppToken', F.unauthorized, () => apps.revokeAppToken(emulator.appId, created.tokenId));

    // EthoraAppsService: setup; EthoraChatService: bot, broadcast
    await ok('provisionApp', () => apps.provisionApp(child._id, { rooms: [{ title: 'General', pinned: true }] }));
    await fails('provisionApp', F.badGateway, () => apps.provisionApp(child._id, { rooms: [{ title: 'Random' }] }));
    await ok('updateApp', () => apps.updateApp(child._id, { displayName: 'Child app 2' }));
    await fails('updateApp', F.unavailable, () => apps.updateApp(child._id, { displayName: 'Child app 3' }));
    await ok('getBot', () => chat.getBot());
    await fails('getBot', F.unauthorized, () => chat.getBot());
    await ok('updateBot', () => chat.updateBot({ status: 'on', trigger: '/bot', prompt: 'Be brief.' }));
    await fails('updateBot', F.unprocessable, () => chat.updateBot({ status: 'off' }));
    await ok('broadcast', () => chat.broadcast({ text: 'Hi all', allRooms: true }));
    emulator.jobs.failNext(1);
    await fails('broadcast', undefined, () => chat.broadcast({ text: 'Hi again', allRooms: true }));

    // chat.forApp(child): a child app's users and rooms
    const kid = await ok('forApp', () => chat.forApp(child._id));
    await fails('forApp', undefined, () => chat.forApp('not-an-app'));
    await ok('createUser', () => kid.createUser('k1', { password: PASSWORDS.childCreateUser }));
    await fails('createUser', F.unavailable, () => kid.createUser('k2', { password: PASSWORDS.childCreateUserFailing }));
    await ok('createChatRoom', () => kid.createChatRoom('general-2', { members: ['k1'] }));
    await fails('createChatRoom', F.forbidden, () => kid.createChatRoom('general-3'));
    await ok('getChatRooms', () => kid.getChatRooms());
    await fails('getChatRooms', F.unauthorized, () => kid.getChatRooms());
    await ok('iterateChatRooms', () => drain(kid.iterateChatRooms()));
    await fails('iterateChatRooms', F.serverError, () => drain(kid.iterateChatRooms()));
    await ok('grantUserAccessToChatRoom', () => kid.grantUserAccessToChatRoom('general-2', ['k1']));
    await fails('grantUserAccessToChatRoom', F.reset, () => kid.grantUserAccessToChatRoom('general-2', ['k1']));
    await ok('removeUserAccessFromChatRoom', () => kid.removeUserAccessFromChatRoom('general-2', 'k1'));
    await fails('removeUserAccessFromChatRoom', F.unavailable, () => kid.removeUserAccessFromChatRoom('general-2', 'k1'));
    await ok('deleteChatRoom', () => kid.deleteChatRoom('general-2'));
    await fails('deleteChatRoom', F.badGateway, () => kid.deleteChatRoom('general-2'));
    await ok('deleteUsers', () => kid.deleteUsers(['k1']));
    await fails('deleteUsers', F.unauthorized, () => kid.deleteUsers(['k1']));
    await fails('deleteApp', F.unavailable, () => apps.deleteApp(child._id));
    await ok('deleteApp', () => apps.deleteApp(child._id));

    // Every public method was exercised both ways.
    // Methods only: getters (such as rateLimitState) take no input and send nothing.
    const publicMethods = (cls: { prototype: object }) =>
      Object.getOwnPropertyNames(cls.prototype).filter((name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(cls.prototype, name)?.value === 'function');
    const all = [
      ...publicMethods(EthoraAppChat),
      ...publicMethods(EthoraChatService),
      ...publicMethods(EthoraAppsService),
      'getServerToken',
      'createClientToken',
      'verifyClientToken',
    ];
    expect(all.filter((method) => !called.has(method))).toEqual([]);
    expect(emulator.state.user(emulator.appId, 'alice')?.hasPassword).toBe(true); // the passwords did go out

    // Request bodies are logged (verbose, with logRequestBodies) with passwords redacted.
    const bodies = logger.at('verbose').filter((line) => line.includes('"password"'));
    expect(bodies.length).toBeGreaterThanOrEqual(6);
    for (const line of bodies) expect(line).toMatch(/"password":"\[redacted\]"/);
    expect(logger.at('error').length).toBeGreaterThan(0);

    const haystack = [
      logger.text,
      ...errors.flatMap(renderErrorChain),
      ...reports.flatMap((report) => [JSON.stringify(report), inspect(report, { depth: 10, showHidden: true })]),
      ...[chat, apps, tokens].map((service) => inspect(service, { depth: 10, showHidden: true })),
    ].join('\n');
    // The scan sees the failures and the services' internals (the options show the secret as [redacted]).
    expect(haystack).toContain('POST /v2/chats failed with 401');
    expect(haystack).toContain('[redacted]');
    expect(leakedSecrets(haystack, secrets)).toEqual([]);
  });
});
