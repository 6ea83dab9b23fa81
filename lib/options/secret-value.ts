import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * Holds the app secret so that logging, `JSON.stringify` or `util.inspect` of the options shows
 * `[redacted]`; only the token service calls `reveal()`, once, to derive its keys.
 */
export class SecretValue {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself; call it only to derive keys. */
  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
