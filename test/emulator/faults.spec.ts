import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import axios from 'axios';
import { EthoraEmulator } from '../../lib/testing/emulator/index.js';
import { call } from './emulator-test-kit.js';

describe('EthoraEmulator fault injection', () => {
  let emulator: EthoraEmulator;
  const others: EthoraEmulator[] = [];
  beforeEach(async () => {
    emulator = await new EthoraEmulator({ seed: 42 }).start();
  });
  afterEach(async () => {
    await emulator.stop();
    await Promise.all(others.splice(0).map((e) => e.stop()));
  });

  const ping = (em = emulator) => call(em, 'GET', '/v1/ping', { token: null });
  const room = (uuid: string) => ({ title: 'Room', uuid, type: 'group' });

  it('adds latency', async () => {
    emulator.faults.add({ path: '/v1/ping', latencyMs: 80 });
    const started = Date.now();
    expect((await ping()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(emulator.requests[0]?.durationMs).toBeGreaterThanOrEqual(75);
  });

  it('applies the constructor latency to every route', async () => {
    const slow = await new EthoraEmulator({ latencyMs: 30 }).start();
    others.push(slow);
    const started = Date.now();
    await ping(slow);
    expect(Date.now() - started).toBeGreaterThanOrEqual(28);
  });

  it('answers 429 with Retry-After (seconds or date) without touching state', async () => {
    emulator.faults.add({ path: '/v2/chats', status: 429, retryAfter: 7, times: 1 });
    const date = new Date(Date.now() + 5000).toUTCString();
    emulator.faults.add({ path: '/v2/chats', status: 429, retryAfter: date, times: 1 });
    const first = await call(emulator, 'POST', '/v2/chats', { body: room('r1') });
    expect(first).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS', requestId: expect.any(String) } });
    expect(first.headers.get('retry-after')).toBe('7');
    const second = await call(emulator, 'POST', '/v2/chats', { body: room('r1') });
    expect(second.headers.get('retry-after')).toBe(date);
    expect(emulator.state.roomCount()).toBe(0);
    expect((await call(emulator, 'POST', '/v2/chats', { body: room('r1') })).status).toBe(200);
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('answers 503 with a plain-text body when asked', async () => {
    emulator.faults.add({ path: '/v1/ping', status: 503, body: 'string' });
    const res = await ping();
    expect(res).toMatchObject({ status: 503, text: 'Service Unavailable' });
  });

  it('resets the connection (ECONNRESET) and logs it', async () => {
    emulator.faults.add({ path: '/v1/ping', reset: true, times: 1 });
    const error = await axios.get(`${emulator.url}/v1/ping`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect((await ping()).status).toBe(200);
    expect(emulator.requests.map((r) => r.status)).toEqual(['reset', 200]);
  });

  it('hangs until the client gives up, and stop() still closes promptly', async () => {
    emulator.faults.add({ path: '/v1/ping', hang: true });
    const started = Date.now();
    await expect(call(emulator, 'GET', '/v1/ping', { token: null, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
    // A second hanging request stays open while we stop.
    const pending = fetch(`${emulator.url}/v1/ping`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    const stopping = Date.now();
    await emulator.stop();
    expect(Date.now() - stopping).toBeLessThan(500);
    expect(String(await pending)).toMatch(/fetch failed/); // the socket was destroyed
    expect(emulator.requests.map((r) => r.status)).toEqual(['hang', 'hang']);
  });

  it('replays the same faults for the same seed, and again after reset()', async () => {
    const run = async (em: EthoraEmulator) => {
      em.faults.add({ path: '/v1/ping', status: 503, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await ping(em)).status);
      return statuses;
    };
    const twin = await new EthoraEmulator({ seed: 42 }).start();
    const other = await new EthoraEmulator({ seed: 7 }).start();
    others.push(twin, other);
    const a = await run(emulator);
    expect(a).toContain(200);
    expect(a).toContain(503);
    expect(await run(twin)).toEqual(a);
    expect(await run(other)).not.toEqual(a);
    emulator.reset();
    expect(emulator.faults.size).toBe(0);
    expect(await run(emulator)).toEqual(a);
  });

  it('expires a rule after `times` and filters by method, RegExp and route template', async () => {
    const handle = emulator.faults.add({ path: '/v1/ping', status: 500, times: 2 });
    expect([(await ping()).status, (await ping()).status, (await ping()).status]).toEqual([500, 500, 200]);
    expect(handle).toMatchObject({ hits: 2, remaining: 0, active: false });
    emulator.faults.add({ method: 'delete', path: /users-access$/, status: 502 });
    emulator.faults.add({ path: '/v2/apps/:appId/bot', status: 504 });
    const A = emulator.appId;
    expect((await call(emulator, 'POST', '/v2/chats/users-access', { body: {} })).status).toBe(422);
    expect((await call(emulator, 'DELETE', '/v2/chats/users-access', { body: {} })).status).toBe(502);
    expect((await call(emulator, 'GET', `/v2/apps/${A}/bot`)).status).toBe(504);
    emulator.faults.clear();
    expect((await call(emulator, 'GET', `/v2/apps/${A}/bot`)).status).toBe(200);
  });

  it('phase "after" applies the change and loses the answer, so a retry sees "exists"', async () => {
    emulator.faults.add({ path: '/v2/chats', status: 502, times: 1, phase: 'after' });
    expect((await call(emulator, 'POST', '/v2/chats', { body: room('r1') })).status).toBe(502);
    expect(emulator.state.roomCount()).toBe(1);
    expect((await call(emulator, 'POST', '/v2/chats', { body: room('r1') })).body.code).toBe('ALREADY_EXISTS');
  });

  it('rejects invalid rules', () => {
    expect(() => emulator.faults.add({ path: '/v1/ping' })).toThrow(TypeError);
    expect(() => emulator.faults.add({ status: 503, reset: true })).toThrow(TypeError);
    expect(() => emulator.faults.add({ status: 503, probability: 2 })).toThrow(TypeError);
    expect(() => emulator.faults.add({ status: 503, times: 0 })).toThrow(TypeError);
  });
});
