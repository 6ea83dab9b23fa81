// The emulator (from dist/) with its own per-app rate limit (`rateLimit`: token bucket, 429 + Retry-After), in a
// process of its own so its clock is not held up by the client's CPU load. The CLI has the limit too
// (`--rate-limit`), but no way to read `emulator.stats()`; this serves them on a second loopback port.
// `node limited-emulator.mjs <distDir> <latencyMs> <requestsPerSecond> <burst>` prints
// `LIMITED_EMULATOR_READY {"url","appId","appSecret","xmppHost","statsUrl"}`; SIGTERM stops it.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [distDir, latencyMs, requestsPerSecond, burst] = process.argv.slice(2);
const { EthoraEmulator } = await import(pathToFileURL(join(distDir, 'testing', 'index.js')).href);
const emulator = await new EthoraEmulator({
  port: 0,
  requestLogLimit: 0,
  latencyMs: Number(latencyMs),
  rateLimit: { requestsPerSecond: Number(requestsPerSecond), burst: Number(burst) },
}).start();
const stats = createServer((req, res) => res.end(JSON.stringify(emulator.stats())));
await new Promise((resolve) => stats.listen(0, '127.0.0.1', resolve));

const { url, appId, appSecret, xmppHost } = emulator;
const statsUrl = `http://127.0.0.1:${stats.address().port}/`;
process.stdout.write(`LIMITED_EMULATOR_READY ${JSON.stringify({ url, appId, appSecret, xmppHost, statsUrl })}\n`);
process.once('SIGTERM', async () => {
  stats.close();
  await emulator.stop();
  process.exit(0);
});
