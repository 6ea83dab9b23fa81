import { ETHORA_ROUTES } from '../http/ethora-routes.js';
import type { EthoraJobKind, EthoraJobTicket } from '../interfaces/ethora-jobs.interface.js';
import type { JobLocation } from './ethora-job-waiter.js';

/** The poll route of each kind of job (ethora-api.md §4). */
const JOB_ROUTES = {
  users: ETHORA_ROUTES.userJob,
  broadcast: ETHORA_ROUTES.broadcastJob,
} as const satisfies Record<EthoraJobKind, unknown>;

/** Where to poll a `kind` job of app `appId`: its route, or the ticket's `statusUrl` when the server gave one. */
export function jobLocation(kind: EthoraJobKind, appId: string, ticket: EthoraJobTicket): JobLocation {
  return { jobId: ticket.jobId, route: JOB_ROUTES[kind], params: { appId, jobId: ticket.jobId }, statusUrl: ticket.statusUrl };
}

/** True when an answer is a job ticket (`{ jobId }`) rather than a synchronous result. */
export function isJobTicket(answer: unknown): answer is EthoraJobTicket {
  return typeof (answer as EthoraJobTicket | undefined)?.jobId === 'string';
}
