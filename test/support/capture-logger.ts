import type { LoggerService } from '@nestjs/common';

/** A logger that keeps every line at every level, to scan for secrets or assert on warnings. */
export class CaptureLogger implements LoggerService {
  readonly lines: { level: string; text: string }[] = [];

  log(...parts: unknown[]): void {
    this.keep('log', parts);
  }
  error(...parts: unknown[]): void {
    this.keep('error', parts);
  }
  warn(...parts: unknown[]): void {
    this.keep('warn', parts);
  }
  debug(...parts: unknown[]): void {
    this.keep('debug', parts);
  }
  verbose(...parts: unknown[]): void {
    this.keep('verbose', parts);
  }
  fatal(...parts: unknown[]): void {
    this.keep('fatal', parts);
  }

  at(level: string): string[] {
    return this.lines.filter((line) => line.level === level).map((line) => line.text);
  }

  get text(): string {
    return this.lines.map((line) => `${line.level} ${line.text}`).join('\n');
  }

  private keep(level: string, parts: unknown[]): void {
    this.lines.push({ level, text: parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ') });
  }
}
