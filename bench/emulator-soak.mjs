// `npm run bench:soak`: one million requests (or `--requests N`) against the emulator bin on loopback,
// sampling the bin's RSS, to show that it stays flat: finished jobs are bounded by count and age, and the
// request log by count and bytes. The mix is what clients send in a loop: user batches (always the same
// users, so the data set does not grow), job polls, grants, lists, pings and large unauthenticated posts.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulatorProcess } from './support/emulator-process.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argIndex = process.argv.indexOf('--requests');
const TOTAL = argIndex === -1 ? 1_000_000 : Number(process.argv[argIndex + 1]);
const CONCURRENCY = 32;
const SAMPLES = 20;

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

function serverToken(appId, appSecret) {
  const key = createHmac('sha256', appSecret).update('ethora:server:v1').digest('hex');
  const head = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const body = Buffer.from(JSON.stringify({ data: { type: 'server', appId } })).toString('base64url');
  return `${head}.${body}.${createHmac('sha256', key).update(`${head}.${body}`).digest('base64url')}`;
}

// The bin on its defaults (request log on); `--request-log-limit` overrides the helper's 0.
const emulator = await startEmulatorProcess(resolve(process.env.BENCH_DIST ?? join(here, '..', 'dist')), ['--request-log-limit', '10000']);
const { hostname: host, port } = new URL(emulator.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const token = serverToken(emulator.appId, emulator.appSecret);
const auth = { authorization: `Bearer ${token}`, 'x-custom-token': token, 'content-type': 'application/json' };
const A = emulator.appId;
const users = JSON.stringify({ bypassEmailConfirmation: true, usersList: Array.from({ length: 20 }, (_, i) => ({ uuid: `soak-${i}`, email: `soak-${i}@example.com`, firstName: 'Soak', lastName: 'User' })) });
const bigUnauthenticated = JSON.stringify({ blob: 'x'.repeat(256 * 1024) });

function send(method, path, body, headers = auth) {
  return new Promise((resolvePromise, reject) => {
    const req = http.request({ host, port, method, path, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

await send('POST', '/v2/chats', JSON.stringify({ title: 'Soak', uuid: 'soak-room', type: 'group' }));
let lastJob = '';
const grant = JSON.stringify({ chatName: `${A}_soak-room`, members: [`${A}_soak-1`, `${A}_soak-2`] });
const steps = [
  () => send('POST', '/v2/users/batch', users).then((r) => (lastJob = JSON.parse(r.text).jobId ?? lastJob)),
  () => send('GET', `/v2/users/batch/${lastJob}`),
  () => send('POST', '/v2/chats/users-access', grant),
  () => send('GET', '/v2/chats/users?limit=20'),
  () => send('GET', '/v1/ping'),
  () => send('GET', `/v2/apps/${A}/users/soak-1/chats?includeMembers=true`),
];

const samples = [{ requests: 0, rssMb: rssMb(emulator.pid) }];
let sent = 0;
const started = Date.now();
async function worker(w) {
  while (sent < TOTAL) {
    const n = sent++;
    // One request in 2,000 is a large unauthenticated post: the request log must not keep its body.
    if (n % 2_000 === 0) await send('POST', '/v2/chats', bigUnauthenticated, { 'content-type': 'application/json' });
    else await steps[(n + w) % steps.length]();
    if (n > 0 && n % Math.floor(TOTAL / SAMPLES) === 0) samples.push({ requests: n, rssMb: rssMb(emulator.pid) });
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
const seconds = (Date.now() - started) / 1000;
samples.push({ requests: TOTAL, rssMb: rssMb(emulator.pid) });
await emulator.stop();
agent.destroy();

const rounded = samples.map((s) => `${s.requests}: ${s.rssMb.toFixed(0)} MB`);
const afterWarmup = samples.slice(2).map((s) => s.rssMb);
console.log(`emulator soak: ${TOTAL.toLocaleString('en')} requests in ${seconds.toFixed(0)} s (${Math.round(TOTAL / seconds).toLocaleString('en')} req/s), concurrency ${CONCURRENCY}`);
console.log(`RSS start ${samples[0].rssMb.toFixed(0)} MB, end ${samples.at(-1).rssMb.toFixed(0)} MB, max after warm-up ${Math.max(...afterWarmup).toFixed(0)} MB`);
console.log(rounded.join('\n'));
