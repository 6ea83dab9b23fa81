import { Injectable } from '@nestjs/common';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import type { EthoraJobTicket } from '../interfaces/ethora-jobs.interface.js';
import type { CreateUserResult, EthoraNewUser } from '../interfaces/ethora-users.interface.js';
import { EthoraJobWaiter } from '../jobs/ethora-job-waiter.js';

type BatchAnswer = EthoraJobTicket | { ok?: boolean; results?: CreateUserResult[] };

/**
 * Creates up to 100 users with one `POST /v2/users/batch` and waits for the job (some deployments answer
 * synchronously instead; both are handled). Resolves to one outcome per user, in input order.
 */
@Injectable()
export class EthoraUserBatches {
  constructor(
    private readonly http: EthoraHttpClient,
    private readonly jobs: EthoraJobWaiter,
  ) {}

  async create(appId: string, users: EthoraNewUser[]): Promise<CreateUserResult[]> {
    const answer = await this.http.send<BatchAnswer>(ETHORA_ROUTES.createUsers, {
      body: { bypassEmailConfirmation: true, usersList: users },
    });
    const results = isTicket(answer)
      ? (await this.jobs.wait<{ results?: CreateUserResult[] }>({
          jobId: answer.jobId,
          route: ETHORA_ROUTES.userJob,
          params: { appId, jobId: answer.jobId },
          statusUrl: answer.statusUrl,
        })).result?.results
      : answer.results;
    return matchResults(users, results ?? [], appId);
  }
}

function isTicket(answer: BatchAnswer): answer is EthoraJobTicket {
  return typeof (answer as EthoraJobTicket)?.jobId === 'string';
}

// The job reports users by uuid (or xmppUsername); a user it does not mention is reported `missing`, never dropped.
function matchResults(users: EthoraNewUser[], results: CreateUserResult[], appId: string): CreateUserResult[] {
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
