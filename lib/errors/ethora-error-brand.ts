/**
 * The one brand every error this library throws carries. `Symbol.for` makes two copies of the package in one
 * app (where `instanceof` fails, stripe-node#2661) recognise each other's errors.
 * @internal
 */
export const ETHORA_ERROR_BRAND = Symbol.for('nestjs-ethora-chat.error');

/** Marks an error as ours (non-enumerable, so it never shows up in JSON or logs). @internal */
export function brandEthoraError(error: Error): void {
  Object.defineProperty(error, ETHORA_ERROR_BRAND, { value: true });
}

/** True when `value` carries the brand. @internal */
export function hasEthoraBrand(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ETHORA_ERROR_BRAND] === true;
}
