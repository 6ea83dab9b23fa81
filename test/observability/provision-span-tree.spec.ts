import { describe, expect, it } from '@jest/globals';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { BulkUserInput } from '../../lib/index.js';
import { deriveSigningKey } from '../../lib/tokens/signing-key.js';
import { leakedSecrets } from '../support/secret-scan.js';
import { parentOf, renderSpanTree, useTracedTestEnv } from './support/otel-test-sdk.js';

const JOB_ROUTE = '/v2/apps/:appId/users/batch/:jobId';
// The poll follows the job's statusUrl (`/v2/users/batch/<jobId>` for the configured app); spans name the route.
const JOB_POLL = /^\/v2\/(apps\/[^/]+\/)?users\/batch\/[^/]+$/;
const SHOWN = [
  'ethora.item_count',
  'ethora.totals.created',
  'ethora.totals.granted',
  'ethora.chunk.start',
  'ethora.chunk.size',
  'ethora.job.polls',
  'http.response.status_code',
  'http.request.resend_count',
  'error.type',
];

// Names, emails and passwords that must never reach a span.
function people(count: number, prefix = 'ws'): BulkUserInput[] {
  return Array.from({ length: count }, (_, i) => ({
    userId: `${prefix}-u${i}`,
    firstName: `Firstname${i}`,
    lastName: `Lastname${i}`,
    email: `person${i}@mail.example.org`,
    password: `Passw0rd-${i}-xyz`,
  }));
}

/** Every string on a span: its name, attribute keys and values, event names and event attributes. */
function spanText(span: ReadableSpan): string {
  const events = span.events.map((event) => `${event.name} ${JSON.stringify(event.attributes ?? {})}`);
  return [span.name, JSON.stringify(span.attributes), span.status.message ?? '', ...events].join('\n');
}

describe('traces of provisionWorkspace over the emulator (real OpenTelemetry SDK)', () => {
  const env = useTracedTestEnv();

  it('is one INTERNAL span with a child per chunk, a job-wait span per batch, CLIENT spans per attempt and retry events', async () => {
    const ctx = await env.start({ httpClientSpans: true, maxRetries: 2 }, { jobs: { delayMs: 0 } });
    const { emulator } = ctx;
    emulator.faults.add({ method: 'POST', path: '/v2/users/batch', status: 503, times: 1 });
    emulator.faults.add({ method: 'GET', path: JOB_POLL, reset: true, times: 1 });
    emulator.faults.add({ method: 'POST', path: '/v2/chats/users-access', status: 429, retryAfter: 0, times: 1 });

    const report = await ctx.service.provisionWorkspace('ws-1', people(250), { concurrency: 1 });
    expect(report.ok).toBe(true);

    const spans = env.sdk.spans();
    expect(renderSpanTree(spans, SHOWN)).toBe(
      [
        'ethora.provisionWorkspace [ethora.item_count=250 ethora.totals.created=250 ethora.totals.granted=250]',
        '  POST /v2/chats [http.response.status_code=200]',
        '  ethora.bulk.chunk [ethora.chunk.start=0 ethora.chunk.size=100] (2 retry events)',
        '    POST /v2/users/batch [http.response.status_code=503 error.type=503]',
        '    POST /v2/users/batch [http.response.status_code=202 http.request.resend_count=1]',
        '    ethora.job.wait [ethora.job.polls=1] (1 retry events)',
        `      GET ${JOB_ROUTE} [error.type=ECONNRESET]`,
        `      GET ${JOB_ROUTE} [http.response.status_code=200 http.request.resend_count=1]`,
        '    POST /v2/chats/users-access [http.response.status_code=429 error.type=429]',
        '    POST /v2/chats/users-access [http.response.status_code=200 http.request.resend_count=1]',
        '  ethora.bulk.chunk [ethora.chunk.start=100 ethora.chunk.size=100]',
        '    POST /v2/users/batch [http.response.status_code=202]',
        '    ethora.job.wait [ethora.job.polls=1]',
        `      GET ${JOB_ROUTE} [http.response.status_code=200]`,
        '    POST /v2/chats/users-access [http.response.status_code=200]',
        '  ethora.bulk.chunk [ethora.chunk.start=200 ethora.chunk.size=50]',
        '    POST /v2/users/batch [http.response.status_code=202]',
        '    ethora.job.wait [ethora.job.polls=1]',
        `      GET ${JOB_ROUTE} [http.response.status_code=200]`,
        '    POST /v2/chats/users-access [http.response.status_code=200]',
      ].join('\n'),
    );

    const root = spans.find((span) => span.name === 'ethora.provisionWorkspace') as ReadableSpan;
    expect(root.kind).toBe(0); // INTERNAL
    expect(root.attributes['ethora.app.id']).toBe(emulator.appId);
    expect(root.instrumentationScope).toMatchObject({ name: 'nestjs-ethora-chat', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);

    const retries = spans.flatMap((span) => span.events.filter((event) => event.name === 'ethora.retry'));
    expect(retries.map((event) => event.attributes?.['ethora.retry.reason']).sort()).toEqual(['connection_failed', 'rate_limited', 'server_error']);
    expect(retries.every((event) => typeof event.attributes?.['ethora.retry.delay_ms'] === 'number' && event.attributes?.['ethora.attempt'] === 1)).toBe(true);
    const jobWaits = spans.filter((span) => span.name === 'ethora.job.wait');
    expect(jobWaits.every((span) => typeof span.attributes['ethora.job.id'] === 'string')).toBe(true);

    // The trace context reached Ethora: every request's traceparent names the CLIENT span that sent it.
    const clientSpanIds = new Set(spans.filter((span) => span.kind === 2).map((span) => span.spanContext().spanId));
    const sentParents = emulator.requests.map((request) => request.headers.traceparent?.split('-')[2]);
    expect(sentParents).toHaveLength(clientSpanIds.size);
    expect(sentParents.every((id) => id !== undefined && clientSpanIds.has(id))).toBe(true);
  });

  it('under random faults at concurrency 8: every span nests under the call, and no span carries a secret or personal data', async () => {
    const ctx = await env.start({ httpClientSpans: true, maxRetries: 3 }, { seed: 11, jobs: { delayMs: 0 } });
    const { emulator } = ctx;
    emulator.faults.add({ probability: 0.15, status: 503 });
    emulator.faults.add({ probability: 0.05, status: 429, retryAfter: 0 });
    emulator.faults.add({ probability: 0.03, reset: true });
    const users = people(800, 'big');

    const report = await ctx.service.provisionWorkspace('ws-big', users);
    const spans = env.sdk.spans();

    const root = spans.filter((span) => span.name === 'ethora.provisionWorkspace');
    expect(root).toHaveLength(1);
    const rootId = root[0]?.spanContext().spanId;
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const chunks = spans.filter((span) => span.name === 'ethora.bulk.chunk');
    expect(chunks).toHaveLength(8);
    expect(chunks.every((span) => parentOf(span) === rootId)).toBe(true);
    for (const wait of spans.filter((span) => span.name === 'ethora.job.wait')) expect(byId.get(parentOf(wait) ?? '')?.name).toBe('ethora.bulk.chunk');
    // Every span but the root has a parent among the spans of this call.
    expect(spans.filter((span) => span !== root[0] && !byId.has(parentOf(span) ?? ''))).toEqual([]);
    expect(spans.flatMap((span) => span.events).some((event) => event.name === 'ethora.retry')).toBe(true);
    const failedCalls = spans.filter((span) => span.kind === 2 && span.status.code === 2);
    expect(failedCalls.length).toBeGreaterThan(0);
    if (!report.ok) expect(root[0]?.attributes['ethora.totals.failed'] ?? root[0]?.attributes['ethora.totals.created']).toBeDefined();

    const secrets = new Map<string, string>([
      ['app secret', emulator.appSecret],
      ['server token', ctx.tokens.getServerToken()],
      ['scoped server key', deriveSigningKey(emulator.appSecret, 'server')],
      ['scoped client key', deriveSigningKey(emulator.appSecret, 'client')],
    ]);
    users.forEach((user, i) => {
      secrets.set(`firstName ${i}`, user.firstName as string);
      secrets.set(`lastName ${i}`, user.lastName as string);
      secrets.set(`email ${i}`, user.email as string);
      secrets.set(`password ${i}`, user.password as string);
    });
    const text = spans.map(spanText).join('\n');
    expect(leakedSecrets(text, secrets)).toEqual([]);
    const keys = spans.flatMap((span) => [...Object.keys(span.attributes), ...span.events.flatMap((event) => Object.keys(event.attributes ?? {}))]);
    expect(keys.filter((key) => /token|secret|key|password|email|name/i.test(key))).toEqual([]);
  });

  it('leaves CLIENT spans and trace headers to instrumentation-http by default', async () => {
    const ctx = await env.start();
    await ctx.service.createChatRoom('plain');
    expect(env.sdk.spans().map((span) => `${span.name} ${span.kind}`)).toEqual(['ethora.createChatRoom 0']);
    expect(ctx.emulator.requests[0]?.headers.traceparent).toBeUndefined();
  });
});
