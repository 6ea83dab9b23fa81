// 5. What the observability hooks add to one call when no OpenTelemetry SDK is registered: the public-call span
//    wrapper, the request id and the per-attempt telemetry (rate-limit headers, metrics), around a send that answers
//    at once. Measured in-process, so the figure is the hooks' own cost, free of network noise; it is compared
//    with the per-call time of a real request (section 2's sequential grant, measured here again).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, RUNS, time } from './support/measure.mjs';

const CALLS = 200_000;
const REQUESTS = 2_000;

export async function benchObservabilityOverhead({ service }, distDir) {
  const load = (file) => import(pathToFileURL(join(distDir, file)).href);
  const [{ inEthoraSpan }, { EthoraRequestTelemetry }, { requestIdForCall }, { openTelemetryLoaded }] = await Promise.all([
    load('observability/ethora-spans.js'),
    load('http/request-telemetry.js'),
    load('observability/request-id.js'),
    load('observability/open-telemetry.js'),
  ]);
  const apiLoaded = await openTelemetryLoaded;
  const telemetry = new EthoraRequestTelemetry('http://127.0.0.1:1', false);
  const route = { method: 'POST', path: '/v2/chats/users-access', retrySafe: true };
  const response = { status: 200, headers: { 'content-type': 'application/json' }, data: {} };
  const send = async () => response;
  const attributes = () => ({ 'ethora.app.id': 'x' });

  const bare = async () => (await send()).data;
  const hooked = () =>
    inEthoraSpan('ethora.bench', attributes, async () => {
      const requestId = requestIdForCall();
      return (await telemetry.attempt({ route, path: route.path, attempt: 1, requestId, headers: {} }, send)).data;
    });
  const loop = (fn, n) =>
    time(async () => {
      for (let i = 0; i < n; i++) await fn();
    });

  const bareMs = [];
  const hookedMs = [];
  const requestMs = [];
  await service.createChatRoom('obs-room');
  await service.createUser('obs-user');
  for (let round = -1; round < RUNS; round++) {
    const b = await loop(bare, CALLS);
    const h = await loop(hooked, CALLS);
    const r = await loop(() => service.grantUserAccessToChatRoom('obs-room', 'obs-user'), REQUESTS);
    if (round >= 0) bareMs.push(b), hookedMs.push(h), requestMs.push(r);
  }
  const overheadUs = ((median(hookedMs) - median(bareMs)) / CALLS) * 1000;
  const perRequestUs = (median(requestMs) / REQUESTS) * 1000;
  const share = overheadUs / perRequestUs;
  return [
    {
      name: `Observability hooks per call, no SDK (@opentelemetry/api ${apiLoaded ? 'installed' : 'absent'}) vs one grant's time`,
      value: `${overheadUs.toFixed(2)} µs vs ${perRequestUs.toFixed(0)} µs (${(share * 100).toFixed(2)}%)`,
      ratio: share,
      target: '≤ 0.03×',
      pass: share <= 0.03,
    },
  ];
}
