import { Injectable, Logger } from '@nestjs/common';
import { ETHORA_LIMITS, EthoraChatService, EthoraTokenService, type GetUserChatsOptions } from '../../lib/index.js';
import { mapEthoraError } from '../filters/ethora-error-mapping.js';
import type { AddUserDto } from '../dto/add-user.dto.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import type {
  ClientTokenMinted,
  UserChatsPage,
  OnboardingFailure,
  WorkspaceCleanedUp,
  WorkspaceCreated,
  WorkspaceOnboarded,
  WorkspaceUserAdded,
} from './workspace.types.js';

/** How many `createUser` calls the looping onboarding keeps in flight (each one waits for its Ethora batch job). */
const ONBOARDING_CONCURRENCY = 8;

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
    for (const batch of chunks(userIds, ETHORA_LIMITS.usersPerBatch)) {
      if ((await this.chat.deleteUsers(batch)).ok) users = 'deleted';
    }
    const room = await this.chat.deleteChatRoom(workspaceId);
    return { workspaceId, room: room.ok ? 'deleted' : 'not_found', users };
  }

  /**
   * Onboards a workspace with many users: creates the room, then each user with `createUser` (at most
   * {@link ONBOARDING_CONCURRENCY} at a time), then grants access with one call per 100 users.
   *
   * This is the interim, looping implementation: it makes one Ethora batch call (and job) per user. Switch it
   * to the library's bulk user API once that lands, which sends 100 users per batch.
   *
   * Per-user failures are reported, not thrown, so one bad user does not undo the others. When no user at
   * all could be created (Ethora down, say) the first error is thrown instead, so the caller gets a 5xx, not a
   * 201 full of failures.
   */
  async onboardWorkspaceByLoopingCreateUser(workspaceId: string, title: string | undefined, users: AddUserDto[]): Promise<WorkspaceOnboarded> {
    const room = await this.chat.createChatRoom(workspaceId, { title: title ?? workspaceId });
    const settled = await mapWithConcurrency(users, ONBOARDING_CONCURRENCY, ({ userId, ...profile }) => this.chat.createUser(userId, profile));

    const failed: OnboardingFailure[] = [];
    const ready: string[] = [];
    let created = 0;
    settled.forEach((outcome, index) => {
      const userId = (users[index] as AddUserDto).userId;
      if (outcome.status === 'rejected') {
        failed.push(failure(userId, outcome.reason));
        return;
      }
      if (outcome.value.status === 'created') created++;
      ready.push(userId);
    });
    if (ready.length === 0) throw (settled[0] as PromiseRejectedResult).reason;

    let granted = 0;
    for (const batch of chunks(ready, ETHORA_LIMITS.membersPerCall)) {
      try {
        await this.chat.grantUserAccessToChatRoom(workspaceId, batch);
        granted += batch.length;
      } catch (error) {
        failed.push(...batch.map((userId) => failure(userId, error)));
      }
    }
    if (failed.length > 0) this.logger.warn(`Onboarding ${workspaceId}: ${failed.length} of ${users.length} user(s) failed`);
    return {
      workspaceId,
      room: room.status,
      users: { requested: users.length, created, existing: ready.length - created, granted, failed },
    };
  }
}

/** The per-user report entry: the status and safe message the error would have answered on its own. */
function failure(userId: string, error: unknown): OnboardingFailure {
  const mapped = mapEthoraError(error);
  return { userId, statusCode: mapped?.statusCode ?? 500, message: mapped?.message ?? 'Internal server error' };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
