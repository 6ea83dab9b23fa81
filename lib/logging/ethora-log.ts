import { Logger, type LoggerService } from '@nestjs/common';
import { ETHORA_CHAT_LOGGER_CONTEXT } from '../ethora-chat.constants.js';

/**
 * The library's log lines, all under the `EthoraChat` context, or nothing when logging is off.
 * Debug and verbose lines are passed as builders and built only when their level is on: the debug line
 * is written for every call, and a verbose line costs a JSON.stringify of the body.
 */
export class EthoraLog {
  // A Nest Logger already carries its context; passing it again would print it as an extra message.
  private readonly context: string[];

  constructor(private readonly logger: LoggerService | undefined) {
    this.context = logger instanceof Logger ? [] : [ETHORA_CHAT_LOGGER_CONTEXT];
  }

  debug(build: () => string): void {
    if (this.enabled('debug')) this.logger?.debug?.(build(), ...this.context);
  }

  verbose(build: () => string): void {
    if (this.enabled('verbose')) this.logger?.verbose?.(build(), ...this.context);
  }

  log(message: string): void {
    this.logger?.log(message, ...this.context);
  }

  warn(message: string): void {
    this.logger?.warn(message, ...this.context);
  }

  error(message: string): void {
    this.logger?.error(message, ...this.context);
  }

  // A Nest Logger knows the app's levels; a custom logger decides for itself once called.
  private enabled(level: 'debug' | 'verbose'): boolean {
    if (!this.logger?.[level]) return false;
    return !(this.logger instanceof Logger) || Logger.isLevelEnabled(level);
  }
}
