import { Logger, type LoggerService } from '@nestjs/common';
import { ETHORA_CHAT_LOGGER_CONTEXT } from '../ethora-chat.constants.js';

/**
 * The library's log lines, all under the `EthoraChat` context, or nothing when logging is off.
 * Verbose lines (request bodies) are built only when the verbose level is on: they cost a JSON.stringify.
 */
export class EthoraLog {
  // A Nest Logger already carries its context; passing it again would print it as an extra message.
  private readonly context: string[];

  constructor(private readonly logger: LoggerService | undefined) {
    this.context = logger instanceof Logger ? [] : [ETHORA_CHAT_LOGGER_CONTEXT];
  }

  debug(message: string): void {
    this.logger?.debug?.(message, ...this.context);
  }

  verbose(build: () => string): void {
    if (!this.logger?.verbose) return;
    if (this.logger instanceof Logger && !Logger.isLevelEnabled('verbose')) return;
    this.logger.verbose(build(), ...this.context);
  }

  warn(message: string): void {
    this.logger?.warn(message, ...this.context);
  }

  error(message: string): void {
    this.logger?.error(message, ...this.context);
  }
}
