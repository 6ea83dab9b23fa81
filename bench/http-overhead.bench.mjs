// 2. Per-call overhead: grantUserAccessToChatRoom against a plain keep-alive axios instance sending the same
//    request, and raw node:http keep-alive POSTs (the floor). Sequential, then 32 at a time.
import http from 'node:http';
import axios from 'axios';
import { fmt, median, RUNS, time } from './support/measure.mjs';

const CALLS = 2_000;
const CONCURRENCY = 32;
const PATH = '/v2/chats/users-access';

export async function benchHttpOverhead({ service, tokens, emulator }) {
  await service.createChatRoom('bench-room');
  await service.createUser('bench-user');
  const body = { chatName: `${emulator.appId}_bench-room`, members: [`${emulator.appId}_bench-user`] };
  const json = JSON.stringify(body);
  const token = tokens.getServerToken();
  const headers = { Authorization: `Bearer ${token}`, 'x-custom-token': token };
  const url = new URL(emulator.url);

  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const plain = axios.create({ baseURL: emulator.url, httpAgent: agent });
  const rawAgent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const rawPost = () =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: rawAgent,
          host: url.hostname,
          port: url.port,
          path: PATH,
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString())) : reject(new Error(`raw ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(json);
    });

  const variants = {
    ours: () => service.grantUserAccessToChatRoom('bench-room', 'bench-user'),
    axios: async () => (await plain.post(PATH, body, { headers })).data,
    raw: rawPost,
  };
  const sequentialMs = (call) =>
    time(async () => {
      for (let i = 0; i < CALLS; i++) await call();
    });
  const concurrentRate = async (call) => {
    let next = 0;
    const lane = async () => {
      while (next++ < CALLS) await call();
    };
    return (CALLS / (await time(() => Promise.all(Array.from({ length: CONCURRENCY }, lane))))) * 1000;
  };

  // One untimed pass of each, then 3 timed rounds with the variants interleaved, so drift in machine load
  // hits all of them alike; each figure is the median of its 3 runs.
  const names = Object.keys(variants);
  const seq = Object.fromEntries(names.map((name) => [name, []]));
  const con = { ours: [], axios: [] };
  for (let round = -1; round < RUNS; round++) {
    for (const name of names) {
      const ms = await sequentialMs(variants[name]);
      if (round >= 0) seq[name].push(ms);
    }
    for (const name of Object.keys(con)) {
      const rate = await concurrentRate(variants[name]);
      if (round >= 0) con[name].push(rate);
    }
  }
  const ours = median(seq.ours);
  const plainMs = median(seq.axios);
  const rawMs = median(seq.raw);
  const oursRate = median(con.ours);
  const axiosRate = median(con.axios);
  agent.destroy();
  rawAgent.destroy();

  const perCall = (ms) => `${((ms / CALLS) * 1000).toFixed(0)} µs/call`;
  return [
    {
      name: `${fmt.int(CALLS)} sequential grants: time vs plain axios + keep-alive`,
      value: `${perCall(ours)} vs ${perCall(plainMs)}`,
      ratio: ours / plainMs,
      target: '≤ 1.1×',
      pass: ours / plainMs <= 1.1,
    },
    {
      name: `${fmt.int(CALLS)} sequential grants: time vs raw node:http keep-alive (floor)`,
      value: `${perCall(ours)} vs ${perCall(rawMs)}`,
      ratio: ours / rawMs,
      target: 'report',
      pass: undefined,
    },
    {
      name: `Grants at concurrency ${CONCURRENCY}: throughput vs plain axios`,
      value: `${fmt.int(oursRate)}/s vs ${fmt.int(axiosRate)}/s`,
      ratio: oursRate / axiosRate,
      target: '≥ 0.9×',
      pass: oursRate / axiosRate >= 0.9,
    },
  ];
}
