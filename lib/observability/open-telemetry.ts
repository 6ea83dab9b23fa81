import { readFileSync } from 'node:fs';
import type * as OpenTelemetryApi from '@opentelemetry/api';

type Api = typeof OpenTelemetryApi;
type Tracer = OpenTelemetryApi.Tracer;
type Meter = OpenTelemetryApi.Meter;

const PACKAGE_NAME = 'nestjs-ethora-chat';

let api: Api | undefined;
let tracer: Tracer | undefined;
let meter: Meter | undefined;
// The API's no-op singletons: while the app has registered no SDK, the hooks skip all span and metric work.
let noopTracerProvider: unknown;
let noopMeter: Meter | undefined;

/**
 * Loads the optional peer `@opentelemetry/api` once, when this module is evaluated. A guarded dynamic `import()`,
 * never a static one: an app without the package must boot (it gets no telemetry). Settled before the first
 * call because `EthoraHttpClient` awaits it at module init.
 * @internal
 */
export const openTelemetryLoaded: Promise<boolean> = import('@opentelemetry/api').then(
  (loaded) => {
    api = loaded;
    noopTracerProvider = new loaded.ProxyTracerProvider().getDelegate();
    noopMeter = loaded.createNoopMeter();
    return true;
  },
  () => false,
);

/** The package's name and version: the tracer's and the meter's instrumentation scope. @internal */
export const ETHORA_INSTRUMENTATION_SCOPE: { readonly name: string; readonly version: string } = readPackageIdentity();

/** @internal The loaded API, or undefined when the app does not install it (or before it has loaded). */
export function otelApi(): Api | undefined {
  return api;
}

/**
 * The library's tracer, or `undefined` while no SDK is registered. Made once: the API's proxy provider forwards to
 * an SDK registered later, so an app may register its SDK after this module loads.
 * @internal
 */
export function otelTracer(): Tracer | undefined {
  if (!api || (api.trace.getTracerProvider() as OpenTelemetryApi.ProxyTracerProvider).getDelegate?.() === noopTracerProvider) return undefined;
  return (tracer ??= api.trace.getTracer(ETHORA_INSTRUMENTATION_SCOPE.name, ETHORA_INSTRUMENTATION_SCOPE.version));
}

/**
 * The library's meter, or `undefined` while no MeterProvider is registered. Unlike tracers, the metrics API has no
 * proxy: instruments made before an app registers its MeterProvider stay no-ops, so the meter is kept only once real.
 * @internal
 */
export function otelMeter(): Meter | undefined {
  if (meter || !api) return meter;
  const candidate = api.metrics.getMeter(ETHORA_INSTRUMENTATION_SCOPE.name, ETHORA_INSTRUMENTATION_SCOPE.version);
  return candidate === noopMeter ? undefined : (meter = candidate);
}

// The nearest package.json above this file that is ours: dist/ and lib/ sit two levels below the package root,
// but a build that compiles lib/ into another folder (the sample's dist-sample/lib/) adds a level. Never throws:
// a missing version must not stop an app from loading.
function readPackageIdentity(): { name: string; version: string } {
  for (let up = 2; up <= 4; up++) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(`${'../'.repeat(up)}package.json`, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') return Object.freeze({ name: PACKAGE_NAME, version: manifest.version });
    } catch {
      // No manifest at this level: look one higher.
    }
  }
  return Object.freeze({ name: PACKAGE_NAME, version: 'unknown' });
}
