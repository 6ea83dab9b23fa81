import type { ResolvedBulkOptions } from '../edge/bulk-input.js';
import { resolveBulkOptions } from '../edge/bulk-input.js';
import type { WorkspacePlan } from '../bulk/workspace-provisioner.js';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { ETHORA_CHAT_ENV_VARS } from '../ethora-chat.constants.js';
import { EthoraConfigError } from '../errors/ethora-config.error.js';
import type { ProvisionWorkspaceOptions } from '../interfaces/ethora-bulk.interface.js';
import { assertOptionalBoolean } from '../edge/request-arguments.js';
import { readWorkspaceInput } from '../edge/workspace-input.js';

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
  const { chatId: id, users: entries, room } = readWorkspaceInput(scope.names, chatId, users, options);
  const resolved: ResolvedBulkOptions = resolveBulkOptions(options);
  const { addChatbot = false } = (options ?? {}) as ProvisionWorkspaceOptions;
  assertOptionalBoolean(addChatbot, 'options.addChatbot');
  if (addChatbot && !chatbotJid) {
    throw new EthoraConfigError('chatbotJid', ETHORA_CHAT_ENV_VARS.chatbotJid, "is not set, so options.addChatbot has no chatbot to add. Set it to the bot user's JID.");
  }
  return { scope, chatId: id, users: entries, room, chatbotJid: addChatbot ? chatbotJid : undefined, options: resolved };
}
