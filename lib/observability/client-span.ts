import { isAxiosError } from 'axios';
import { otelApi, otelTracer } from './open-telemetry.js';
import { ATTR } from './span-attributes.js';
import { setDefined } from './ethora-spans.js';
import { errorCodeOf } from '../errors/ethora-error.js';

/** One HTTP attempt, as a CLIENT span describes it. @internal */
export interface ClientAttempt {
  method: string;
  /** The route's path template, e.g. `/v2/apps/:appId/users/batch/:jobId`. */
  template: string;
  /** Origin and path, without the query. */
  url: string;
  serverAddress: string;
  serverPort: number;
  attempt: number;
  requestId: string;
  /** The request's headers: the trace context is injected here. */
  headers: Record<string, string>;
}

/**
 * Sends one attempt inside a CLIENT span named `{method} {url.template}` with the stable HTTP semantic convention
 * attributes, and injects the trace context (e.g. `traceparent`) into its headers. For apps that do not run
 * `@opentelemetry/instrumentation-http`, which makes these spans itself (turn one of the two off).
 * @internal
 */
export async function sendInClientSpan<R extends { status: number }>(call: ClientAttempt, send: () => Promise<R>): Promise<R> {
  const api = otelApi();
  const tracer = otelTracer();
  if (!api || !tracer) return send();
  const span = tracer.startSpan(`${call.method} ${call.template}`, {
    kind: api.SpanKind.CLIENT,
    attributes: {
      [ATTR.httpMethod]: call.method,
      [ATTR.serverAddress]: call.serverAddress,
      [ATTR.serverPort]: call.serverPort,
      [ATTR.urlFull]: call.url,
      [ATTR.urlTemplate]: call.template,
      [ATTR.requestId]: call.requestId,
      ...(call.attempt > 1 && { [ATTR.httpResendCount]: call.attempt - 1 }),
    },
  });
  const context = api.trace.setSpan(api.context.active(), span);
  api.propagation.inject(context, call.headers);
  try {
    const response = await api.context.with(context, send);
    span.setAttribute(ATTR.httpStatus, response.status);
    return response;
  } catch (error) {
    const status = isAxiosError(error) ? error.response?.status : undefined;
    const errorType = status !== undefined ? String(status) : errorCodeOf(error);
    setDefined(span, { [ATTR.httpStatus]: status, [ATTR.errorType]: errorType });
    span.setStatus({ code: api.SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
