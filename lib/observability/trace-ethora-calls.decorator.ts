import { inEthoraSpan } from './ethora-spans.js';
import { currentEthoraRequestId } from './request-id.js';
import { ATTR, type EthoraAttributes } from './span-attributes.js';

type AnyMethod = (this: unknown, ...args: unknown[]) => Promise<unknown>;
/** The app a call acts on, from the service and the call's arguments. */
type AppIdOf<T> = (instance: T, args: unknown[]) => string;

/**
 * Class decorator: every `async` method of the class becomes one INTERNAL span `ethora.<method>`, with the app id,
 * the number of items when an argument is a list, and a bulk report's totals. Sync methods (they send nothing) and
 * generators (their page fetches are traced calls themselves) are left as they are. Inside
 * `runWithEthoraRequestId`, an error that does not carry a request id gets the caller's.
 * Applied once per class, so new methods are traced without edits.
 * @internal
 */
export function TraceEthoraCalls<T>(appIdOf: AppIdOf<T>): ClassDecorator {
  return (target) => {
    const prototype = target.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      const method = descriptor?.value as AnyMethod | undefined;
      if (typeof method !== 'function' || method.constructor.name !== 'AsyncFunction') continue;
      Object.defineProperty(prototype, name, { ...descriptor, value: traced(`ethora.${name}`, method, appIdOf) });
    }
  };
}

function traced<T>(spanName: string, method: AnyMethod, appIdOf: AppIdOf<T>): AnyMethod {
  const wrapper = function (this: unknown, ...args: unknown[]): Promise<unknown> {
    const result = inEthoraSpan(spanName, () => callAttributes(appIdOf(this as T, args), args), () => method.apply(this, args), totalsOf);
    const callerId = currentEthoraRequestId();
    return callerId === undefined ? result : result.catch((error: unknown) => Promise.reject(withRequestId(error, callerId)));
  };
  Object.defineProperty(wrapper, 'name', { value: method.name });
  return wrapper;
}

function callAttributes(appId: string, args: unknown[]): EthoraAttributes {
  const list = args.find(Array.isArray);
  return { [ATTR.appId]: appId, [ATTR.itemCount]: list?.length };
}

// Bulk reports carry `totals` (users, created, failed, ...): counts, never ids.
function totalsOf(value: unknown): EthoraAttributes {
  const totals = (value as { totals?: unknown } | undefined)?.totals;
  if (!totals || typeof totals !== 'object') return {};
  const attributes: EthoraAttributes = {};
  for (const [key, count] of Object.entries(totals)) if (typeof count === 'number') attributes[`ethora.totals.${key}`] = count;
  return attributes;
}

function withRequestId(error: unknown, requestId: string): unknown {
  if (error instanceof Error && (error as { requestId?: unknown }).requestId === undefined) {
    Object.defineProperty(error, 'requestId', { value: requestId, enumerable: true, configurable: true });
  }
  return error;
}
