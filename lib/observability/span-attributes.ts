/**
 * Attribute names the library sets. HTTP ones follow the stable HTTP semantic conventions; the rest are ours.
 * Values are ids, counts, codes and statuses only: never a token, secret, key, password, email or name.
 * @internal
 */
export const ATTR = {
  appId: 'ethora.app.id',
  requestId: 'ethora.request_id',
  serverRequestId: 'ethora.server_request_id',
  itemCount: 'ethora.item_count',
  attempt: 'ethora.attempt',
  errorCode: 'ethora.error.code',
  jobId: 'ethora.job.id',
  jobPolls: 'ethora.job.polls',
  chunkStart: 'ethora.chunk.start',
  chunkSize: 'ethora.chunk.size',
  retryReason: 'ethora.retry.reason',
  retryDelayMs: 'ethora.retry.delay_ms',
  errorType: 'error.type',
  httpMethod: 'http.request.method',
  httpStatus: 'http.response.status_code',
  httpResendCount: 'http.request.resend_count',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  urlFull: 'url.full',
  urlTemplate: 'url.template',
} as const;

/** Span or metric attributes: flat primitives; `undefined` values are dropped. */
export type EthoraAttributes = Record<string, string | number | boolean | undefined>;

/** The attributes whose value is defined (OpenTelemetry warns about, or keeps, `undefined`). */
export function definedAttributes(attributes: EthoraAttributes): Record<string, string | number | boolean> {
  const defined: Record<string, string | number | boolean> = {};
  for (const key in attributes) {
    const value = attributes[key];
    if (value !== undefined) defined[key] = value;
  }
  return defined;
}
