import { describe, expect, it } from '@jest/globals';
import { assertBotSettings, buildProvisionBody } from '../../lib/edge/app-settings-bodies.js';
import { buildBroadcastBody } from '../../lib/edge/broadcast-body.js';
import { EthoraArgumentError } from '../../lib/errors/index.js';
import { readJobRequest } from '../../lib/edge/job-request.js';
import { EthoraNames } from '../../lib/contract/ethora-names.js';
import { buildRoomUpdate } from '../../lib/edge/room-bodies.js';
import { buildUserUpdates } from '../../lib/edge/user-update.js';
import { pageOf, pageSizeOf, readAppId } from '../../lib/edge/request-arguments.js';

const APP = '65a1b2c3d4e5f60718293a4b';
const names = new EthoraNames(APP, 'xmpp.example.com');

function argumentOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EthoraArgumentError);
    return (error as EthoraArgumentError).argument;
  }
  return undefined;
}

describe('buildBroadcastBody', () => {
  it('maps chatIds (and unprefixed chatNames) to prefixed chatNames', () => {
    expect(buildBroadcastBody(names, { text: 'hi', chatIds: ['a', 'b'] })).toEqual({ text: 'hi', chatNames: [`${APP}_a`, `${APP}_b`] });
    expect(buildBroadcastBody(names, { text: 'hi', chatNames: [`${APP}_a`, 'b'] })).toEqual({ text: 'hi', chatNames: [`${APP}_a`, `${APP}_b`] });
    expect(buildBroadcastBody(names, { text: 'hi', allRooms: true })).toEqual({ text: 'hi', allRooms: true });
  });

  it.each([
    [{ chatIds: ['a'] }, 'request.text'],
    [{ text: '  ', allRooms: true }, 'request.text'],
    [{ text: 'hi' }, 'request'],
    [{ text: 'hi', allRooms: true, chatIds: ['a'] }, 'request'],
    [{ text: 'hi', allRooms: false }, 'request.allRooms'],
    [{ text: 'hi', chatIds: [] }, 'request.chatIds'],
    [{ text: 'hi', chatNames: ['a/b'] }, 'request.chatNames[0]'],
    ['hi', 'request'],
  ])('refuses %j naming %s', (request, argument) => {
    expect(argumentOf(() => buildBroadcastBody(names, request))).toBe(argument);
  });
});

describe('bot and provisioning bodies', () => {
  it('accepts known values and extra fields', () => {
    expect(() => assertBotSettings({ status: 'on', trigger: '/bot', prompt: 'p', greetingMessage: 'g', chatId: null, model: 'x' })).not.toThrow();
    expect(buildProvisionBody({ rooms: [{ title: 'General', pinned: true }, { title: 'Random' }] })).toEqual({
      rooms: [{ title: 'General', pinned: true }, { title: 'Random' }],
    });
    expect(buildProvisionBody(undefined)).toEqual({});
  });

  it.each([
    [{ status: 'maybe' }, 'settings.status'],
    [{ trigger: 'always' }, 'settings.trigger'],
    [{ prompt: 1 }, 'settings.prompt'],
    [{ chatId: 5 }, 'settings.chatId'],
    [null, 'settings'],
  ])('refuses bot settings %j naming %s', (settings, argument) => {
    expect(argumentOf(() => assertBotSettings(settings))).toBe(argument);
  });

  it.each([
    [{ rooms: 'x' }, 'data.rooms'],
    [{ rooms: [{ title: '' }] }, 'data.rooms[0].title'],
    [{ rooms: [{ title: 'a', pinned: 'yes' }] }, 'data.rooms[0].pinned'],
  ])('refuses provisioning %j naming %s', (data, argument) => {
    expect(argumentOf(() => buildProvisionBody(data))).toBe(argument);
  });
});

describe('buildUserUpdates / buildRoomUpdate', () => {
  it('prefixes once, pads 1-character names and leaves out blank fields', () => {
    expect(buildUserUpdates([{ userId: 'alice', firstName: 'Q', lastName: ' ' }, { userId: `${APP}_bob`, username: 'bobby' }], names)).toEqual([
      { userId: 'alice', entry: { xmppUsername: `${APP}_alice`, firstName: 'Q.' } },
      { userId: 'bob', entry: { xmppUsername: `${APP}_bob`, username: 'bobby' } },
    ]);
  });

  it.each([
    [[], 'users'],
    [[{ userId: 'a/b' }], 'users[0].userId'],
    [[{ userId: 'a' }, { userId: `${APP}_a` }], 'users[1].userId'],
    [[{ userId: 'a', firstName: 3 }], 'users[0].firstName'],
    [['a'], 'users[0]'],
  ])('refuses user updates %j naming %s', (users, argument) => {
    expect(argumentOf(() => buildUserUpdates(users, names))).toBe(argument);
  });

  it('needs a title or a description for a room update', () => {
    expect(buildRoomUpdate({ title: 'T' })).toEqual({ title: 'T' });
    expect(argumentOf(() => buildRoomUpdate({}))).toBe('data');
    expect(argumentOf(() => buildRoomUpdate({ description: '' }))).toBe('data.description');
  });
});

describe('paging, app ids and job requests', () => {
  it('fills paging defaults and checks ranges', () => {
    expect(pageOf(undefined)).toEqual({ limit: 100, offset: 0 });
    expect(pageOf({ limit: 500, offset: 7 })).toEqual({ limit: 500, offset: 7 });
    expect(argumentOf(() => pageOf({ limit: 501 }))).toBe('options.limit');
    expect(argumentOf(() => pageOf({ limit: 0 }))).toBe('options.limit');
    expect(argumentOf(() => pageOf({ offset: -1 }))).toBe('options.offset');
    expect(argumentOf(() => pageSizeOf({ pageSize: 2.5 }))).toBe('options.pageSize');
  });

  it('reads an app id (lower-cased) and refuses anything but 24 hex characters', () => {
    expect(readAppId(APP.toUpperCase())).toBe(APP);
    expect(argumentOf(() => readAppId('../x'))).toBe('appId');
    expect(argumentOf(() => readAppId(undefined, 'childAppId'))).toBe('childAppId');
  });

  it('caps a history page at 100', () => {
    expect(pageOf(undefined, 'options', 100)).toEqual({ limit: 100, offset: 0 });
    expect(argumentOf(() => pageOf({ limit: 101 }, 'options', 100))).toBe('options.limit');
  });

  it('reads a job id or ticket, kind and wait options', () => {
    const { kind, ticket, wait } = readJobRequest({ jobId: 'j1', statusUrl: '/s' }, { kind: 'broadcast', timeoutMs: 5 });
    expect({ kind, ticket }).toEqual({ kind: 'broadcast', ticket: { jobId: 'j1', statusUrl: '/s' } });
    expect(wait).toEqual({ timeoutMs: 5 });
    expect(argumentOf(() => readJobRequest('j1', {}))).toBe('options.kind');
    expect(argumentOf(() => readJobRequest('j1', { kind: 'rooms' }))).toBe('options.kind');
    expect(argumentOf(() => readJobRequest('a/b', { kind: 'users' }))).toBe('job');
    expect(argumentOf(() => readJobRequest({}, { kind: 'users' }))).toBe('job.jobId');
    expect(argumentOf(() => readJobRequest('j1', { kind: 'users', timeoutMs: 0 }))).toBe('options.timeoutMs');
    expect(argumentOf(() => readJobRequest('j1', { kind: 'users', signal: {} }))).toBe('options.signal');
  });
});
