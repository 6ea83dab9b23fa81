import { currentEthoraRequestId } from './request-id.js';
import { otelApi, otelTracer } from './open-telemetry.js';
import { ATTR, definedAttributes, type EthoraAttributes } from './span-attributes.js';
import { errorCodeOf } from '../errors/ethora-error.js';

// SpanStatusCode.ERROR; a constant, so callers need no handle on the optional API.
const SPAN_STATUS_ERROR = 2;

/** The part of a span the library's hooks use (an OpenTelemetry `Span` satisfies it). @internal */
export interface EthoraSpan {
  setAttribute(key: string, value: string | number | boolean): unknown;
  addEvent(name: string, attributes?: EthoraAttributes): unknown;
}

/**
 * Runs `run` inside an active INTERNAL span `name`, so spans and HTTP CLIENT spans started by `run` nest under it.
 * Attributes are built only when the span records; `run` gets the span only then. A rejection marks the span
 * `ERROR` with the error's `code` (never its message, which may quote input). Without `@opentelemetry/api`, this is
 * a plain call.
 * @internal
 */
export function inEthoraSpan<T>(
  name: string,
  attributes: () => EthoraAttributes,
  run: (span: EthoraSpan | undefined) => Promise<T>,
  resultAttributes?: (value: T) => EthoraAttributes,
): Promise<T> {
  const api = otelApi();
  const tracer = otelTracer();
  if (!api || !tracer) return run(undefined);
  return tracer.startActiveSpan(name, { kind: api.SpanKind.INTERNAL }, async (span) => {
    const recording = span.isRecording();
    if (recording) setDefined(span, { ...attributes(), [ATTR.requestId]: currentEthoraRequestId() });
    try {
      const value = await run(recording ? span : undefined);
      if (recording && resultAttributes) setDefined(span, resultAttributes(value));
      return value;
    } catch (error) {
      if (recording) markFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span when it records (e.g. to add a retry event), else `undefined`. @internal */
export function activeEthoraSpan(): EthoraSpan | undefined {
  const span = otelApi()?.trace.getActiveSpan();
  return span?.isRecording() ? span : undefined;
}

/** Sets the attributes whose value is defined. @internal */
export function setDefined(span: EthoraSpan, attributes: EthoraAttributes): void {
  const defined = definedAttributes(attributes);
  for (const key in defined) span.setAttribute(key, defined[key] as string | number | boolean);
}

/** What a failure adds to a span: the error's `code`, HTTP status and request ids, and status `ERROR`. @internal */
export function markFailed(span: EthoraSpan & { setStatus(status: { code: number; message?: string }): unknown }, error: unknown): void {
  const { status, requestId, serverRequestId } = (error ?? {}) as Record<string, unknown>;
  const errorCode = errorCodeOf(error);
  setDefined(span, {
    [ATTR.errorType]: errorCode,
    [ATTR.errorCode]: errorCode,
    [ATTR.httpStatus]: typeof status === 'number' ? status : undefined,
    [ATTR.requestId]: typeof requestId === 'string' ? requestId : undefined,
    [ATTR.serverRequestId]: typeof serverRequestId === 'string' ? serverRequestId : undefined,
  });
  span.setStatus({ code: SPAN_STATUS_ERROR, message: errorCode });
}
