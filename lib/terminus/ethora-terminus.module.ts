import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EthoraHealthIndicator } from './ethora-health.indicator.js';

/**
 * Provides `EthoraHealthIndicator` (and re-exports `TerminusModule`, so `HealthCheckService` is at hand).
 * The indicator needs `EthoraChatService`, so register `EthoraChatModule` with `isGlobal: true`; otherwise list
 * `EthoraHealthIndicator` in the providers of a module that imports both `TerminusModule` and `EthoraChatModule`.
 */
@Module({
  imports: [TerminusModule],
  providers: [EthoraHealthIndicator],
  exports: [EthoraHealthIndicator, TerminusModule],
})
export class EthoraTerminusModule {}
