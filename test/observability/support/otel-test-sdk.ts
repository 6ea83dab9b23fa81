import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createEthoraTestContext, type EthoraTestContext } from '../../support/ethora-test-context.js';

/** Collects on demand only: tests read the metrics when they ask. */
class OnDemandReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** The real OpenTelemetry SDK, registered globally as an app would: in-memory span exporter, on-demand metrics. */
export interface OtelTestSdk {
  spans(): ReadableSpan[];
  reset(): void;
  collectMetrics(): Promise<ResourceMetrics>;
  shutdown(): Promise<void>;
}

export function registerOtelTestSdk(): OtelTestSdk {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new OnDemandReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  return {
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    async collectMetrics() {
      const { resourceMetrics } = await reader.collect();
      return resourceMetrics;
    },
    async shutdown() {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/** The SDK for a describe block, and the test's module + emulator, closed after each test. */
export interface TracedTestEnv {
  readonly sdk: OtelTestSdk;
  start(...args: Parameters<typeof createEthoraTestContext>): Promise<EthoraTestContext>;
}

export function useTracedTestEnv(): TracedTestEnv {
  let sdk: OtelTestSdk | undefined;
  let ctx: EthoraTestContext | undefined;
  beforeAll(() => {
    sdk = registerOtelTestSdk();
  });
  afterAll(async () => {
    await sdk?.shutdown();
  });
  afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
    sdk?.reset();
  });
  return {
    get sdk() {
      return sdk as OtelTestSdk;
    },
    async start(...args) {
      ctx = await createEthoraTestContext(...args);
      return ctx;
    },
  };
}

/** A finished span's parent span id (SDK 2.x keeps it in `parentSpanContext`). */
export function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

/**
 * The span tree as indented text, children in start order, with the attributes named in `show`:
 * the form docs/observability.md shows.
 */
export function renderSpanTree(spans: ReadableSpan[], show: readonly string[]): string {
  const children = new Map<string | undefined, ReadableSpan[]>();
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  for (const span of spans) {
    const parent = parentOf(span);
    const key = parent && ids.has(parent) ? parent : undefined;
    children.set(key, [...(children.get(key) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number): void => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
    for (const span of list) {
      const shown = show.filter((key) => span.attributes[key] !== undefined).map((key) => `${key}=${String(span.attributes[key])}`);
      const retries = span.events.filter((event) => event.name === 'ethora.retry').length;
      lines.push(`${'  '.repeat(depth)}${span.name}${shown.length ? ` [${shown.join(' ')}]` : ''}${retries ? ` (${retries} retry events)` : ''}`);
      walk(span.spanContext().spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join('\n');
}
