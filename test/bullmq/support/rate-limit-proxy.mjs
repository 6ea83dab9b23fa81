// A loopback proxy in front of the emulator that stands in for the emulator's own rate limit until it lands:
// a token bucket (refill `rate`/s, capacity `burst`) that answers 429 with `Retry-After` when empty, and a
// record of every request it let through, so a test can read the highest request rate seen in any 1 s span.
// Shared by test/bullmq and bench/ (plain .mjs, node: modules only). Run as a process (the bench does, so its
// timing is not disturbed by the client's CPU load): `node rate-limit-proxy.mjs <target> <rate>` prints
// `PROXY_READY {"url"}`, and `GET /__proxy/stats` answers the stats as JSON.
import { Agent, createServer, request } from 'node:http';
import { pathToFileURL } from 'node:url';

/** Starts the proxy; resolves to `{ url, stats(), stop() }`. */
export async function startRateLimitProxy({ target, rate, burst = Math.max(1, Math.round(rate / 10)), retryAfterSeconds = 1 }) {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const passed = [];
  let limited = 0;
  let tokens = burst;
  let refilled = performance.now();

  const take = () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - refilled) / 1000) * rate);
    refilled = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const server = createServer((req, res) => {
    if (req.url === '/__proxy/stats') return res.end(JSON.stringify(stats()));
    if (!take()) {
      limited++;
      req.resume();
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) });
      res.end(JSON.stringify({ code: 'RATE_LIMITED', message: 'Too many requests' }));
      return;
    }
    passed.push(performance.now());
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();

  /** Requests let through and refused, and the most let through within any 1 s span. */
  function stats() {
    let maxPerSecond = 0;
    for (let first = 0, last = 0; last < passed.length; last++) {
      while (passed[last] - passed[first] >= 1000) first++;
      maxPerSecond = Math.max(maxPerSecond, last - first + 1);
    }
    return { passed: passed.length, limited, maxPerSecond };
  }

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const proxy = await startRateLimitProxy({ target: process.argv[2], rate: Number(process.argv[3]) });
  process.stdout.write(`PROXY_READY ${JSON.stringify({ url: proxy.url })}\n`);
}
