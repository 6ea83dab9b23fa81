import type { Counter, Histogram } from '@opentelemetry/api';
import { otelMeter } from './open-telemetry.js';
import { ATTR } from './span-attributes.js';

interface Instruments {
  requestDuration: Histogram;
  retries: Counter;
  rateLimited: Counter;
  jobWait: Histogram;
}

let instruments: Instruments | undefined;

// Made on first use: instruments taken from the metrics API before an app registers its MeterProvider stay no-ops.
function meters(): Instruments | undefined {
  if (instruments) return instruments;
  const meter = otelMeter();
  if (!meter) return undefined;
  return (instruments = {
    requestDuration: meter.createHistogram('http.client.request.duration', { unit: 's', description: 'Duration of Ethora HTTP requests, per attempt' }),
    retries: meter.createCounter('ethora.client.retries', { description: 'Ethora requests retried, by reason' }),
    rateLimited: meter.createCounter('ethora.client.rate_limited', { description: 'Ethora answers with status 429' }),
    jobWait: meter.createHistogram('ethora.job.wait.duration', { unit: 's', description: 'Time spent waiting for Ethora jobs' }),
  });
}

/** One attempt's duration by method, route template and status (or error type). @internal */
export function recordRequest(method: string, template: string, status: number | undefined, errorType: string | undefined, ms: number): void {
  const m = meters();
  if (!m) return;
  const attributes = { [ATTR.httpMethod]: method, [ATTR.urlTemplate]: template };
  m.requestDuration.record(ms / 1000, status === undefined ? { ...attributes, [ATTR.errorType]: errorType } : { ...attributes, [ATTR.httpStatus]: status });
  if (status === 429) m.rateLimited.add(1, attributes);
}

/** One retry, by reason (the failed attempt's error `code`). @internal */
export function recordRetry(method: string, template: string, reason: string): void {
  meters()?.retries.add(1, { [ATTR.httpMethod]: method, [ATTR.urlTemplate]: template, [ATTR.retryReason]: reason });
}

/** One job wait, by outcome (`completed` or the error's code). @internal */
export function recordJobWait(ms: number, outcome: string): void {
  meters()?.jobWait.record(ms / 1000, { outcome });
}
