import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { HealthCheckService } from '@nestjs/terminus';
import { EthoraChatModule } from '../../lib/index.js';
import { EthoraHealthIndicator, EthoraTerminusModule } from '../../lib/terminus/index.js';
import { EthoraEmulator } from '../../lib/testing/index.js';
import { FAST_TEST_OPTIONS } from '../support/ethora-test-context.js';

describe('EthoraHealthIndicator with a real TerminusModule', () => {
  let emulator: EthoraEmulator;
  let moduleRef: TestingModule;
  let health: HealthCheckService;
  let indicator: EthoraHealthIndicator;

  beforeEach(async () => {
    emulator = await new EthoraEmulator().start();
    moduleRef = await Test.createTestingModule({
      imports: [
        EthoraChatModule.forRoot({ ...FAST_TEST_OPTIONS, maxRetries: 0, apiUrl: emulator.url, appId: emulator.appId, appSecret: emulator.appSecret, isGlobal: true }),
        EthoraTerminusModule,
      ],
    }).compile();
    // Terminus logs failed checks through Nest's logger; these failures are expected.
    moduleRef.useLogger(false);
    await moduleRef.init();
    health = moduleRef.get(HealthCheckService);
    indicator = moduleRef.get(EthoraHealthIndicator);
  });
  afterEach(async () => {
    await moduleRef.close();
    await emulator.stop();
  });

  it('reports up with the latency when /v1/ping answers', async () => {
    const result = await health.check([() => indicator.isHealthy()]);
    expect(result).toMatchObject({ status: 'ok', info: { ethora: { status: 'up', latencyMs: expect.any(Number) } } });
    expect(emulator.requests.map((r) => r.path)).toEqual(['/v1/ping']);
  });

  it('reports down (503 from the health check) when Ethora fails, naming the call and no token', async () => {
    emulator.faults.add({ path: '/v1/ping', status: 503 });
    const failure = await health.check([() => indicator.isHealthy('chat')]).catch((error: unknown) => error);
    const response = (failure as { getResponse(): { status: string; error: Record<string, { status: string; message: string }> } }).getResponse();
    expect(response.status).toBe('error');
    expect(response.error.chat).toMatchObject({ status: 'down', message: expect.stringContaining('GET /v1/ping failed with 503') });
    expect(JSON.stringify(response)).not.toMatch(/Bearer|eyJ/);
  });

  it('reports down after the timeout when Ethora hangs', async () => {
    emulator.faults.add({ path: '/v1/ping', latencyMs: 500 });
    const result = await indicator.isHealthy('ethora', { timeoutMs: 30 });
    expect(result.ethora).toMatchObject({ status: 'down', message: 'timeout of 30ms exceeded' });
  });

  it('reuses a cached result within cacheTtlMs', async () => {
    await indicator.isHealthy('ethora', { cacheTtlMs: 60_000 });
    const second = await indicator.isHealthy('ethora', { cacheTtlMs: 60_000 });
    expect(second.ethora).toMatchObject({ status: 'up', cachedResponse: true });
    expect(emulator.requests).toHaveLength(1);
  });
});
