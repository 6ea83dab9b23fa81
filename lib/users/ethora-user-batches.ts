import { Injectable } from '@nestjs/common';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import { okOrNotFound } from '../http/not-found-result.js';
import type { EthoraJobTicket } from '../interfaces/ethora-jobs.interface.js';
import type { CreateUserResult, DeleteUsersResult, EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { EthoraJobWaiter } from '../jobs/ethora-job-waiter.js';
import { isJobTicket, jobLocation } from '../jobs/job-locations.js';

type SyncAnswer = { ok?: boolean; results?: CreateUserResult[] };

/**
 * User batches of one app scope: creates up to 100 users with one `POST /v2/users/batch` (or the app-scoped
 * `POST /v2/apps/{appId}/users/batch`) and waits for the job (some deployments answer synchronously instead;
 * both are handled), and deletes up to 100 users (`DELETE /v1/users/batch` or its app-scoped twin).
 * @internal
 */
@Injectable()
export class EthoraUserBatches {
  constructor(
    private readonly http: EthoraHttpClient,
    private readonly jobs: EthoraJobWaiter,
  ) {}

  /** Resolves to one outcome per user, in input order. */
  async create(scope: EthoraAppScope, users: readonly EthoraNewUser[]): Promise<CreateUserResult[]> {
    const answer = await this.post(scope, users);
    const results = isJobTicket(answer)
      ? (await this.jobs.wait<{ results?: CreateUserResult[] }>(jobLocation('users', scope.appId, answer))).result?.results
      : answer;
    return matchResults(users, results ?? [], scope.appId);
  }

  /** Posts one batch without waiting: Ethora's job ticket, or the results when the server answered at once. */
  async post(scope: EthoraAppScope, users: readonly EthoraNewUser[]): Promise<EthoraJobTicket | CreateUserResult[] | undefined> {
    const route = scope.appScoped ? ETHORA_ROUTES.createAppUsers : ETHORA_ROUTES.createUsers;
    const answer = await this.http.send<unknown>(route, {
      params: { appId: scope.appId },
      body: { bypassEmailConfirmation: true, usersList: users },
    });
    return isJobTicket(answer) ? answer : (answer as SyncAnswer | undefined)?.results;
  }

  /** Deletes ≤ 100 users by plain id; `{ ok: false }` when Ethora says none of them exist. */
  async remove(scope: EthoraAppScope, userIds: readonly string[]): Promise<DeleteUsersResult> {
    const route = scope.appScoped ? ETHORA_ROUTES.deleteAppUsers : ETHORA_ROUTES.deleteUsers;
    return okOrNotFound(this.http, route, { params: { appId: scope.appId }, body: { usersIdList: userIds } }, 'Users not found');
  }
}

/** The job reports users by uuid (or xmppUsername); a user it does not mention is reported `missing`, never dropped. */
export function matchResults(users: readonly EthoraNewUser[], results: CreateUserResult[], appId: string): CreateUserResult[] {
  const byKey = new Map<string, CreateUserResult>();
  for (const result of results) {
    const uuid = result.uuid ?? (result.user?.uuid as string | undefined);
    if (uuid) byKey.set(uuid, result);
    if (result.xmppUsername) byKey.set(result.xmppUsername, result);
  }
  return users.map(
    (user) => byKey.get(user.uuid) ?? byKey.get(`${appId}_${user.uuid}`) ?? { uuid: user.uuid, status: 'missing' },
  );
}
