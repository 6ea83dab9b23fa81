import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataPoint, Histogram, MetricData } from '@opentelemetry/sdk-metrics';
import { createEthoraTestContext } from '../support/ethora-test-context.js';
import { registerOtelTestSdk, type OtelTestSdk } from './support/otel-test-sdk.js';

describe('metrics through the OpenTelemetry API (real SDK)', () => {
  let sdk: OtelTestSdk;
  beforeAll(() => {
    sdk = registerOtelTestSdk();
  });
  afterAll(async () => {
    await sdk.shutdown();
  });

  it('counts requests by route template and status, retries by reason, 429s, and job-wait time', async () => {
    const ctx = await createEthoraTestContext({}, { jobs: { delayMs: 0 } });
    try {
      ctx.emulator.faults.add({ method: 'POST', path: '/v2/chats', status: 429, retryAfter: 0, times: 1 });
      ctx.emulator.faults.add({ method: 'POST', path: '/v2/users/batch', status: 503, times: 1 });
      await ctx.service.createChatRoom('metered');
      await ctx.service.createUser('metered-user');
    } finally {
      await ctx.close();
    }

    const { scopeMetrics } = await sdk.collectMetrics();
    const ours = scopeMetrics.find((scope) => scope.scope.name === 'nestjs-ethora-chat');
    const metric = (name: string): MetricData => {
      const found = ours?.metrics.find((m) => m.descriptor.name === name);
      if (!found) throw new Error(`no metric ${name}`);
      return found;
    };
    const points = (name: string) => (metric(name).dataPoints as DataPoint<unknown>[]).map((point) => ({ attributes: point.attributes, value: point.value }));

    const durations = points('http.client.request.duration').map(({ attributes, value }) => ({
      route: `${attributes['http.request.method']} ${attributes['url.template']} ${attributes['http.response.status_code']}`,
      count: (value as Histogram).count,
    }));
    expect(durations).toEqual(
      expect.arrayContaining([
        { route: 'POST /v2/chats 429', count: 1 },
        { route: 'POST /v2/chats 200', count: 1 },
        { route: 'POST /v2/users/batch 503', count: 1 },
        { route: 'POST /v2/users/batch 202', count: 1 },
        { route: 'GET /v2/apps/:appId/users/batch/:jobId 200', count: 1 },
      ]),
    );
    expect(metric('http.client.request.duration').descriptor.unit).toBe('s');
    expect(points('ethora.client.retries').map(({ attributes, value }) => [attributes['ethora.retry.reason'], value]).sort()).toEqual([
      ['rate_limited', 1],
      ['server_error', 1],
    ]);
    expect(points('ethora.client.rate_limited')).toEqual([{ attributes: { 'http.request.method': 'POST', 'url.template': '/v2/chats' }, value: 1 }]);
    const jobWaits = points('ethora.job.wait.duration');
    expect(jobWaits).toEqual([{ attributes: { outcome: 'completed' }, value: expect.objectContaining({ count: 1 }) }]);
  });
});
