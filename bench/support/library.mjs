// Loads the built library (dist/) and starts it in a Nest application context pointed at an emulator.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Nest's default log levels without `debug` and `verbose` (and without `log`, which only prints Nest's own
 * bootstrap lines here): the library logs a debug line per call, which a production app would not print.
 * The library's logging stays on, so the debug call is still made and Nest drops it.
 */
export const BENCH_LOG_LEVELS = ['warn', 'error', 'fatal'];

export async function loadLibrary(distDir) {
  const lib = await import(pathToFileURL(join(distDir, 'index.js')).href);
  const { NestFactory } = await import('@nestjs/core');
  return { lib, NestFactory };
}

/** An application context with `EthoraChatModule.forRoot(...)`; resolves to `{ app, service, tokens, close() }`. */
export async function startLibrary({ lib, NestFactory }, emulator, options = {}) {
  const app = await NestFactory.createApplicationContext(
    lib.EthoraChatModule.forRoot({
      apiUrl: emulator.url,
      appId: emulator.appId,
      appSecret: emulator.appSecret,
      xmppHost: emulator.xmppHost,
      ...options,
    }),
    { logger: BENCH_LOG_LEVELS },
  );
  return {
    app,
    service: app.get(lib.EthoraChatService),
    tokens: app.get(lib.EthoraTokenService),
    close: () => app.close(),
  };
}
