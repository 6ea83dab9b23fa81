import { Injectable } from '@nestjs/common';
import type { EthoraAppScope } from '../contract/app-scope.js';
import { EthoraHttpClient } from '../http/ethora-http.client.js';
import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import type { BroadcastResult } from '../interfaces/ethora-apps.interface.js';
import type { WaitForJobOptions } from '../interfaces/ethora-jobs.interface.js';
import { EthoraJobWaiter } from '../jobs/ethora-job-waiter.js';
import { isJobTicket, jobLocation } from '../jobs/job-locations.js';
import type { BroadcastBody } from '../edge/broadcast-body.js';

/**
 * Broadcasts (`POST /v2/apps/{appId}/chats/broadcast`): one message to many rooms, sent as an async job.
 * Takes checked values only.
 * @internal
 */
@Injectable()
export class EthoraBroadcasts {
  constructor(
    private readonly http: EthoraHttpClient,
    private readonly jobs: EthoraJobWaiter,
  ) {}

  /**
   * Starts the broadcast and, unless `wait` is false, waits for its job. Not retried: a repeat would send the
   * message twice. A synchronous answer (no `jobId`) is returned as it came.
   */
  async send(scope: EthoraAppScope, body: BroadcastBody, wait: WaitForJobOptions | false): Promise<BroadcastResult> {
    const raw = await this.http.send<unknown>(ETHORA_ROUTES.broadcast, { params: { appId: scope.appId }, body });
    if (!isJobTicket(raw)) return { raw };
    const { jobId, statusUrl } = raw;
    if (wait === false) return { jobId, statusUrl, raw };
    const job = await this.jobs.wait(jobLocation('broadcast', scope.appId, raw), wait);
    return { jobId, statusUrl, job, raw };
  }
}
