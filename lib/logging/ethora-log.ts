import { Logger, type LoggerService } from '@nestjs/common';
import { ETHORA_CHAT_LOGGER_CONTEXT } from '../ethora-chat.constants.js';

/**
 * The library's log lines, all under the `EthoraChat` context, or nothing when logging is off.
 * Verbose lines (request bodies) are built only when the verbose level is on: they cost a JSON.stringify.
 */
export class EthoraLog {
  constructor(private readonly logger: LoggerService | undefined) {}

  debug(message: string): void {
    this.logger?.debug?.(message, ETHORA_CHAT_LOGGER_CONTEXT);
  }

  verbose(build: () => string): void {
    if (!this.logger?.verbose) return;
    if (this.logger instanceof Logger && !Logger.isLevelEnabled('verbose')) return;
    this.logger.verbose(build(), ETHORA_CHAT_LOGGER_CONTEXT);
  }

  warn(message: string): void {
    this.logger?.warn(message, ETHORA_CHAT_LOGGER_CONTEXT);
  }

  error(message: string): void {
    this.logger?.error(message, ETHORA_CHAT_LOGGER_CONTEXT);
  }
}
