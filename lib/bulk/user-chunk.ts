import type { EthoraAppScope } from '../contract/app-scope.js';
import { EthoraJobError } from '../errors/ethora-job.error.js';
import type { CreateUserResult, EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import type { EthoraLog } from '../logging/ethora-log.js';
import type { EthoraUserBatches } from '../users/ethora-user-batches.js';
import { toBulkItemError } from './bulk-report.js';
import type { BulkCreatedUser, BulkItemError } from '../interfaces/ethora-bulk.interface.js';

const EXISTED = new Set(['exists', 'uuid_exists']);

/**
 * Creates one chunk (≤ 100 users) with one batch call and waits for its job. Never rejects: a call that fails
 * after the HTTP client's retries marks every user of the chunk failed with that error. A job that ends
 * `failed` is posted once more; that is safe because users are keyed by uuid, so users the first job did
 * create come back as `exists`.
 */
export async function createUserChunk(
  batches: EthoraUserBatches,
  scope: EthoraAppScope,
  users: readonly EthoraNewUser[],
  log: EthoraLog,
): Promise<BulkCreatedUser[]> {
  let results: CreateUserResult[];
  try {
    results = await createRetryingFailedJob(batches, scope, users, log);
  } catch (error) {
    const reason = toBulkItemError(error);
    return users.map((user) => ({ userId: user.uuid, status: 'failed', error: reason }));
  }
  return users.map((user, index) => outcome(user.uuid, results[index] as CreateUserResult));
}

async function createRetryingFailedJob(
  batches: EthoraUserBatches,
  scope: EthoraAppScope,
  users: readonly EthoraNewUser[],
  log: EthoraLog,
): Promise<CreateUserResult[]> {
  try {
    return await batches.create(scope, users);
  } catch (error) {
    if (!(error instanceof EthoraJobError && error.reason === 'failed')) throw error;
    log.warn(`${error.message}; posting the batch of ${users.length} users once more`);
    return batches.create(scope, users);
  }
}

/** One user's report entry from what Ethora's job said about it. */
export function outcome(userId: string, result: CreateUserResult): BulkCreatedUser {
  const serverStatus = String(result.status);
  const xmppUsername = typeof result.xmppUsername === 'string' ? result.xmppUsername : undefined;
  const base = { userId, serverStatus, ...(xmppUsername && { xmppUsername }) };
  if (serverStatus === 'created') return { ...base, status: 'created' };
  if (EXISTED.has(serverStatus)) return { ...base, status: 'existed' };
  return { ...base, status: 'failed', error: statusError(serverStatus, result) };
}

function statusError(status: string, result: CreateUserResult): BulkItemError {
  if (status === 'missing') return { code: 'missing_result', message: 'The batch job finished without reporting this user' };
  const said = [result.error, result.message, result.reason].find((value): value is string => typeof value === 'string');
  return { code: 'user_not_created', message: `Ethora reported status "${status}" for this user${said ? `: ${said}` : ''}` };
}
