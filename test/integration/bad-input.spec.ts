import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EthoraArgumentError, type EthoraChatService } from '../../lib/index.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

const BAD_IDS: [string, unknown][] = [
  ['empty', ''],
  ['blank', '   '],
  ['longer than 256', 'x'.repeat(257)],
  ['with a slash', 'a/b'],
  ['with a question mark', 'a?b'],
  ['with a hash', 'a#b'],
  ['with ..', '..'],
  ['with a control character', 'a\u0007b'],
  ['a number', 42],
  ['null', null],
];

type Call = (service: EthoraChatService, bad: never) => unknown;

// Each method with the argument that receives the bad value.
const ID_CALLS: [string, string, Call][] = [
  ['createChatName', 'chatId', (s, id) => s.createChatName(id)],
  ['createChatUserJwtToken', 'userId', (s, id) => s.createChatUserJwtToken(id)],
  ['createUser', 'userId', (s, id) => s.createUser(id)],
  ['createChatRoom', 'chatId', (s, id) => s.createChatRoom(id)],
  ['grantUserAccessToChatRoom (chatId)', 'chatId', (s, id) => s.grantUserAccessToChatRoom(id, 'u1')],
  ['grantUserAccessToChatRoom (userIds)', 'userIds', (s, id) => s.grantUserAccessToChatRoom('room', id)],
  ['removeUserAccessFromChatRoom (userIds[])', 'userIds[1]', (s, id) => s.removeUserAccessFromChatRoom('room', ['u1', id])],
  ['grantChatbotAccessToChatRoom', 'chatId', (s, id) => s.grantChatbotAccessToChatRoom(id)],
  ['deleteUsers', 'userIds[0]', (s, id) => s.deleteUsers([id])],
  ['deleteChatRoom', 'chatId', (s, id) => s.deleteChatRoom(id)],
];

const LIST_CALLS: [string, unknown, RegExp][] = [
  ['not an array', 'u1', /userIds: must be an array/],
  ['empty', [], /userIds: must hold at least one id/],
  ['with duplicates', ['u1', 'u1'], /userIds\[1\]: "u1" appears twice/],
  ['over the limit', Array.from({ length: 101 }, (_, i) => `u${i}`), /userIds: holds 101 ids; Ethora takes at most 100/],
];

describe('bad input is refused before anything is sent', () => {
  let ctx: EthoraTestContext;
  beforeAll(async () => {
    ctx = await createEthoraTestContext({ chatbotJid: 'bot' });
  });
  afterAll(() => ctx.close());

  async function refusal(run: () => unknown): Promise<unknown> {
    try {
      await run();
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  }

  describe.each(ID_CALLS)('%s', (_, argument, call) => {
    it.each(BAD_IDS)('refuses an id that is %s, naming %s', async (_label, bad) => {
      const error = await refusal(() => call(ctx.service, bad as never));
      expect(error).toBeInstanceOf(EthoraArgumentError);
      expect((error as EthoraArgumentError).argument).toBe(argument);
      expect((error as Error).message).toContain(`Invalid argument ${argument}:`);
      expect(ctx.emulator.requests).toHaveLength(0);
    });
  });

  it.each(LIST_CALLS)('deleteUsers refuses a list that is %s', async (_label, bad, message) => {
    await expect(ctx.service.deleteUsers(bad as string[])).rejects.toThrow(message);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it.each([
    [{ uuid: 'other' }, /roomData.uuid/],
    [{ type: 'secret' }, /roomData.type/],
    [{ title: '' }, /roomData.title/],
    [{ members: ['ok', 'bad/one'] }, /roomData.members\[1\]/],
    ['not an object', /roomData: must be an object/],
  ])('createChatRoom refuses roomData %p', async (roomData, message) => {
    await expect(ctx.service.createChatRoom('room', roomData as never)).rejects.toThrow(message);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it.each([
    [{ email: 'not-an-email' }, /userData.email/],
    [{ firstName: 12 }, /userData.firstName/],
    [{ uuid: 'someone-else' }, /userData.uuid/],
  ])('createUser refuses userData %p', async (userData, message) => {
    await expect(ctx.service.createUser('u1', userData as never)).rejects.toThrow(message);
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});
