import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { type BulkItemError, EthoraChatService, EthoraTokenService, type GetUserChatsOptions } from '../../lib/index.js';
import { mapBulkItemError } from '../filters/ethora-error-mapping.js';
import type { AddUserDto } from '../dto/add-user.dto.js';
import type {
  ClientTokenMinted,
  UserChatsPage,
  OnboardingFailure,
  WorkspaceCleanedUp,
  WorkspaceCreated,
  WorkspaceOnboarded,
  WorkspaceUserAdded,
} from './workspace.types.js';

/** `deleteUsers` takes at most 100 ids per call. */
const USERS_PER_DELETE = 100;

/**
 * The sample's orchestration: a workspace is a SaaS tenant with one Ethora chat room whose chatId is the
 * workspaceId. Library errors propagate; the exception filter turns them into HTTP answers.
 */
@Injectable()
export class WorkspaceService {
  private readonly logger = new Logger(WorkspaceService.name);

  constructor(
    private readonly chat: EthoraChatService,
    private readonly tokens: EthoraTokenService,
  ) {}

  /** Creates the workspace's room. Idempotent: a room that exists answers `status: 'exists'`. */
  async createWorkspace(workspaceId: string, title: string, description?: string): Promise<WorkspaceCreated> {
    const room = await this.chat.createChatRoom(workspaceId, { title, description });
    return { workspaceId, status: room.status, chatName: room.name, roomJid: this.chat.createChatName(workspaceId) };
  }

  /** Creates the user (or finds it: `exists`) and gives it access to the workspace's room. */
  async addUser(workspaceId: string, user: AddUserDto): Promise<WorkspaceUserAdded> {
    const { userId, ...profile } = user;
    const created = await this.chat.createUser(userId, profile);
    await this.chat.grantUserAccessToChatRoom(workspaceId, userId);
    return { workspaceId, userId, status: created.status, xmppUsername: created.xmppUsername, access: 'granted' };
  }

  /** Adds the configured chatbot (`ETHORA_CHAT_BOT_JID`; `ethora-bot` on the emulator) to the workspace's room. */
  async addChatbot(workspaceId: string): Promise<{ workspaceId: string; chatbot: 'granted' }> {
    await this.chat.grantChatbotAccessToChatRoom(workspaceId);
    return { workspaceId, chatbot: 'granted' };
  }

  /** A short-lived client JWT for the user, to hand to Ethora's chat component. Sends nothing to Ethora. */
  mintClientToken(userId: string, expiresInSeconds?: number): ClientTokenMinted {
    const token = this.chat.createChatUserJwtToken(userId, { expiresInSeconds });
    // Read back from the token itself, so the answer states the lifetime actually applied (option or module default).
    const { exp } = this.tokens.verifyClientToken(token);
    return { userId, token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** One page of the user's rooms (`getUserChats`); the library rejects with not_found for an unknown user. */
  async listUserChats(userId: string, options: GetUserChatsOptions): Promise<UserChatsPage> {
    const page = await this.chat.getUserChats(userId, options);
    return { userId, chats: page.items, limit: page.limit, offset: page.offset };
  }

  /**
   * Deletes the listed users (in batches of 100), then the room. Users go first so that a cleanup interrupted
   * by an upstream failure can simply be repeated: missing users are not an error, and the room is the last step.
   */
  async cleanupWorkspace(workspaceId: string, userIds: string[] = []): Promise<WorkspaceCleanedUp> {
    let users: WorkspaceCleanedUp['users'] = userIds.length === 0 ? 'none_listed' : 'not_found';
    for (const batch of chunks(userIds, USERS_PER_DELETE)) {
      if ((await this.chat.deleteUsers(batch)).ok) users = 'deleted';
    }
    const room = await this.chat.deleteChatRoom(workspaceId);
    return { workspaceId, room: room.ok ? 'deleted' : 'not_found', users };
  }

  /**
   * Onboards a workspace with many users through the library's bulk API (`provisionWorkspace`): the room, then
   * users in batches of 100, each batch granted as soon as it exists, a few batches at a time.
   *
   * Per-user failures are reported, not thrown, so one bad batch does not undo the others. When nothing at all
   * could be done (Ethora down, say) the first error is the answer instead, so the caller gets a 5xx, not a
   * 201 full of failures.
   */
  async onboardWorkspace(workspaceId: string, title: string | undefined, users: AddUserDto[]): Promise<WorkspaceOnboarded> {
    const input = users.map(({ userId, firstName, lastName, email }) => ({ userId, firstName, lastName, email }));
    const report = await this.chat.provisionWorkspace(workspaceId, input, { roomData: { title: title ?? workspaceId } });
    const failed = report.users.filter((user) => !user.granted).map((user) => failure(user.userId, user.error ?? report.room.error));
    if (report.room.status === 'failed' || report.totals.granted === 0) {
      const first = report.room.error ?? report.users.find((user) => user.error)?.error;
      if (first) throw upstreamFailure(first);
    }
    if (failed.length > 0) this.logger.warn(`Onboarding ${workspaceId}: ${failed.length} of ${users.length} user(s) failed`);
    const { created, existed, granted } = report.totals;
    return {
      workspaceId,
      room: report.room.status === 'exists' ? 'exists' : 'created',
      users: { requested: users.length, created, existing: existed, granted, failed },
    };
  }
}

/** The per-user report entry: the status and safe message the user's own call would have answered. */
function failure(userId: string, error: BulkItemError | undefined): OnboardingFailure {
  const mapped = error ? mapBulkItemError(error) : { statusCode: 500, message: 'Internal server error' };
  return { userId, statusCode: mapped.statusCode, message: mapped.message };
}

/** The answer when the whole onboarding failed: what a single failing call would have answered. */
function upstreamFailure(error: BulkItemError): HttpException {
  const { statusCode, message } = mapBulkItemError(error);
  return new HttpException({ statusCode, error: HttpStatus[statusCode] ?? 'Error', message }, statusCode);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
