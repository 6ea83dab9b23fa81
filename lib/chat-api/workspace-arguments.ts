import type { ResolvedBulkOptions } from '../edge/bulk-input.js';
import { prepareBulkUsers, resolveBulkOptions } from '../edge/bulk-input.js';
import type { WorkspacePlan } from '../bulk/workspace-provisioner.js';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { ETHORA_CHAT_ENV_VARS } from '../ethora-chat.constants.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import { EthoraConfigError } from '../errors/ethora-config.error.js';
import type { ProvisionWorkspaceOptions } from '../interfaces/ethora-bulk.interface.js';
import { buildRoomBody } from '../edge/room-bodies.js';
import { assertOptionalObject, readId } from '../edge/arguments.js';

/**
 * Checks every argument of `provisionWorkspace` before anything is sent and builds the plan: the room body
 * (the same builder as `createChatRoom`), the users, the bulk options and the chatbot when `addChatbot` is set.
 * @throws EthoraArgumentError for bad input; EthoraConfigError when `addChatbot` is set but `chatbotJid` is not.
 */
export function readWorkspacePlan(
  scope: EthoraAppScope,
  chatId: unknown,
  users: unknown,
  options: unknown,
  chatbotJid: string | undefined,
): WorkspacePlan {
  const id = readId(chatId, 'chatId', scope.appId);
  const entries = prepareBulkUsers(users, scope.appId);
  const resolved: ResolvedBulkOptions = resolveBulkOptions(options);
  const { roomData, addChatbot = false } = (options ?? {}) as ProvisionWorkspaceOptions;
  assertOptionalObject(roomData as unknown, 'options.roomData');
  const room = buildRoomBody(scope.names, id, roomData);
  if (typeof addChatbot !== 'boolean') throw new EthoraArgumentError('options.addChatbot', 'must be a boolean when given');
  if (addChatbot && !chatbotJid) {
    throw new EthoraConfigError('chatbotJid', ETHORA_CHAT_ENV_VARS.chatbotJid, "is not set, so options.addChatbot has no chatbot to add. Set it to the bot user's JID.");
  }
  return { scope, chatId: id, users: entries, room, chatbotJid: addChatbot ? chatbotJid : undefined, options: resolved };
}
