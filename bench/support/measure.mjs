// Timing helpers: every figure is the median of `runs` timed runs after one untimed warm-up run.
import os from 'node:os';

export const RUNS = 3;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn(runIndex)` once to warm up, then `runs` times; resolves to the median of what `fn` returns (ms by default). */
export async function medianOf(fn, { runs = RUNS, warmup = true } = {}) {
  if (warmup) await fn(-1);
  const values = [];
  for (let run = 0; run < runs; run++) values.push(await fn(run));
  return median(values);
}

/** Milliseconds `fn` takes. */
export async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

export const fmt = {
  ratio: (x) => `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`,
  int: (x) => Math.round(x).toLocaleString('en-US'),
  ms: (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`),
  mb: (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`,
};
