import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { readCorrelationId } from '../edge/correlation-id.js';

/** The header that carries the correlation id on every request (see docs/decisions.md). */
export const ETHORA_REQUEST_ID_HEADER = 'x-request-id';

// Nothing here calls run() unless a caller supplies an id, so an app that never does pays no async-hook cost.
const callerIds = new AsyncLocalStorage<string>();

/**
 * Runs `fn` with `requestId` as the correlation id of every Ethora request it makes, however deep (for example the
 * id of the incoming HTTP request): sent as `x-request-id`, in debug logs, on errors (`requestId`), in bulk report
 * entries and in span attributes. Without it, each request gets a fresh UUID.
 * @throws EthoraArgumentError when `requestId` is not 1–200 visible ASCII characters.
 */
export function runWithEthoraRequestId<T>(requestId: string, fn: () => T): T {
  return callerIds.run(readCorrelationId(requestId), fn);
}

/** The caller's correlation id, when the call runs inside `runWithEthoraRequestId`. */
export function currentEthoraRequestId(): string | undefined {
  return callerIds.getStore();
}

/** The id a request is sent with: the caller's, or a fresh UUID shared by the attempts of one request. @internal */
export function requestIdForCall(): string {
  return callerIds.getStore() ?? randomUUID();
}
