import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { WaitForJobOptions } from '../interfaces/ethora-jobs.interface.js';
import { assertObject, assertOptionalInteger } from './request-arguments.js';

/** Checks the wait options of `waitForJob` / `broadcast` (`argument` names the object in errors). */
export function assertWaitOptions(value: unknown, argument: string): asserts value is WaitForJobOptions | undefined {
  if (value === undefined) return;
  assertObject(value, argument);
  const { timeoutMs, pollIntervalMs, maxPollIntervalMs, signal } = value;
  assertOptionalInteger(timeoutMs, `${argument}.timeoutMs`, 1);
  assertOptionalInteger(pollIntervalMs, `${argument}.pollIntervalMs`, 1);
  assertOptionalInteger(maxPollIntervalMs, `${argument}.maxPollIntervalMs`, 1);
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new EthoraArgumentError(`${argument}.signal`, 'must be an AbortSignal');
  }
}
