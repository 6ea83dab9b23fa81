import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { EthoraBotSettings, ProvisionAppData } from '../interfaces/ethora-apps.interface.js';
import { assertPlainJsonFields } from './plain-json.js';
import { assertArray, assertObject, assertOptionalBoolean, assertOptionalOneOf, assertText } from './request-arguments.js';

/** Most rooms one provisioning call creates (the emulator's cap; Ethora documents none). */
const MAX_PROVISION_ROOMS = 100;

/** Checks `provisionApp`'s data: `rooms` (optional) is a list of `{ title, pinned? }`. */
export function buildProvisionBody(data: unknown): ProvisionAppData {
  if (data === undefined) return {};
  assertObject(data, 'data');
  const { rooms } = data as ProvisionAppData;
  if (rooms === undefined) return {};
  assertArray(rooms, 'data.rooms', MAX_PROVISION_ROOMS);
  return {
    rooms: rooms.map((room, index) => {
      const at = `data.rooms[${index}]`;
      assertObject(room, at);
      assertText(room.title, `${at}.title`);
      assertOptionalBoolean(room.pinned, `${at}.pinned`);
      return { title: room.title, ...(room.pinned !== undefined && { pinned: room.pinned }) };
    }),
  };
}

/**
 * Checks `updateBot`'s settings: `status` on|off, `trigger` any_message|/bot, `prompt` / `greetingMessage`
 * strings, `chatId` a string or null. Other fields pass through as given (the bot's settings are open-ended),
 * once checked to be plain JSON.
 */
export function assertBotSettings(settings: unknown): asserts settings is EthoraBotSettings {
  assertObject(settings, 'settings');
  const { status, trigger, prompt, greetingMessage, chatId, ...extra } = settings as EthoraBotSettings;
  assertPlainJsonFields(extra, 'settings');
  assertOptionalOneOf(status, ['on', 'off'], 'settings.status');
  assertOptionalOneOf(trigger, ['any_message', '/bot'], 'settings.trigger');
  for (const [field, value] of Object.entries({ prompt, greetingMessage })) {
    if (value !== undefined && typeof value !== 'string') throw new EthoraArgumentError(`settings.${field}`, 'must be a string');
  }
  if (chatId !== undefined && chatId !== null && typeof chatId !== 'string') {
    throw new EthoraArgumentError('settings.chatId', 'must be a string or null');
  }
}
