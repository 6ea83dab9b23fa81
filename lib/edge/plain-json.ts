import { EthoraArgumentError } from '../errors/ethora-argument.error.js';

/**
 * Checks that a value passed through to Ethora as given (extra fields of a user, a room, bot settings, an app)
 * is plain JSON: strings, finite numbers, booleans, null, dense arrays and plain objects. BigInt, functions,
 * symbols, `undefined` inside arrays, holes, NaN, class instances (Date, Map, Buffer, ...) and cycles are
 * refused, naming the field (`userData.meta.tags[2]`), before anything is sent: JSON.stringify would throw on
 * some of them mid-request and silently change the others.
 */
export function assertPlainJson(value: unknown, argument: string, ancestors: object[] = []): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new EthoraArgumentError(argument, `must be a finite number, got ${value}`);
    return;
  }
  if (typeof value !== 'object') throw new EthoraArgumentError(argument, `cannot be sent as JSON (got a ${typeof value})`);
  if (ancestors.includes(value)) throw new EthoraArgumentError(argument, 'refers back to an object that contains it (a cycle)');
  const inner = [...ancestors, value];
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      if (!(index in value)) throw new EthoraArgumentError(`${argument}[${index}]`, 'is a hole in a sparse array');
      if (value[index] === undefined) throw new EthoraArgumentError(`${argument}[${index}]`, 'is undefined, which JSON cannot hold');
      assertPlainJson(value[index], `${argument}[${index}]`, inner);
    }
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new EthoraArgumentError(argument, `must be a plain object, got an instance of ${proto?.constructor?.name ?? 'a class'}`);
  }
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) assertPlainJson(field, `${argument}.${key}`, inner);
  }
}

/** Checks each given field of `extra` (the fields a method passes through unread) with `assertPlainJson`. */
export function assertPlainJsonFields(extra: Record<string, unknown>, argument: string): void {
  for (const [key, field] of Object.entries(extra)) {
    if (field !== undefined) assertPlainJson(field, `${argument}.${key}`);
  }
}
