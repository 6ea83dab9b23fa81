// The public surface, listed name by name; test/packaging/exports.spec.ts pins it.
export { EthoraChatModule } from './ethora-chat.module.js';
export { EthoraChatService } from './ethora-chat.service.js';
export { EthoraAppsService } from './apps/ethora-apps.service.js';
export { EthoraTokenService } from './tokens/ethora-token.service.js';
export { ethoraChatConfig } from './ethora-chat.config.js';
export {
  EthoraApiError,
  EthoraArgumentError,
  EthoraConfigError,
  EthoraJobError,
  EthoraMassRemovalError,
  EthoraRateLimitError,
  EthoraTokenError,
  isEthoraError,
  type EthoraError,
} from './errors/index.js';
export { ETHORA_ID_PATTERN, MAX_ID_LENGTH } from './edge/arguments.js';
export { runWithEthoraRequestId } from './observability/request-id.js';
export type { EthoraRateLimitState } from './contract/rate-limit-state.js';
export type { EthoraChatApi } from './interfaces/ethora-chat-api.interface.js';
export type { EthoraChatModuleOptions } from './interfaces/ethora-chat-options.interface.js';
export type { EthoraIterateOptions, EthoraPage, EthoraPageOptions } from './interfaces/ethora-paging.interface.js';
export type { CreateUserData, CreateUserResult } from './interfaces/ethora-users.interface.js';
export type {
  CreateChatRoomData,
  CreateChatRoomResult,
  EthoraChatRoom,
  UpdateChatRoomData,
} from './interfaces/ethora-rooms.interface.js';
export type {
  EthoraChatUser,
  GetUserChatsOptions,
  GetUsersOptions,
  UpdateUserData,
  UpdateUserResult,
} from './interfaces/ethora-user-directory.interface.js';
export type { EthoraMessage } from './interfaces/ethora-messages.interface.js';
export type { ClientTokenOptions } from './interfaces/ethora-tokens.interface.js';
export type { EthoraJob, WaitForJobRequest } from './interfaces/ethora-jobs.interface.js';
export type { BroadcastOptions, BroadcastRequest, BroadcastResult, EthoraApp, EthoraBotSettings } from './interfaces/ethora-apps.interface.js';
export type {
  BulkAccessReport,
  BulkCreateUsersReport,
  BulkItemError,
  BulkOptions,
  BulkUserInput,
  ProvisionWorkspaceOptions,
  ProvisionWorkspaceReport,
} from './interfaces/ethora-bulk.interface.js';
export type {
  SyncRoomMembersOptions,
  SyncRoomMembersReport,
  SyncWorkspaceOptions,
  SyncWorkspaceReport,
} from './interfaces/ethora-sync.interface.js';
