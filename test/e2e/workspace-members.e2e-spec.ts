import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createSampleApp, type SampleApp } from './sample-app.harness.js';

describe('sample app: POST /workspaces/:workspaceId/users', () => {
  let sample: SampleApp;
  const http = () => request(sample.app.getHttpServer());
  const alice = { userId: 'alice', firstName: 'Alice', lastName: 'Liddell' };

  beforeAll(async () => {
    sample = await createSampleApp();
  });
  beforeEach(() => {
    sample.reset();
    sample.emulator.addRoom({ chatId: 'acme' });
  });
  afterAll(async () => {
    await sample?.close();
  });

  it('creates the user and grants access to the room', async () => {
    const res = await http().post('/workspaces/acme/users').send(alice).expect(201);
    expect(res.body).toEqual({
      workspaceId: 'acme',
      userId: 'alice',
      status: 'created',
      xmppUsername: `${sample.emulator.appId}_alice`,
      access: 'granted',
    });
    expect(sample.emulator.state.room(sample.emulator.appId, 'acme')?.members).toEqual(['alice']);
    expect(sample.emulator.state.user(sample.emulator.appId, 'alice')?.firstName).toBe('Alice');
  });

  it('answers status "exists" for a user that is already there, and still grants', async () => {
    sample.emulator.addUser({ userId: 'alice' });
    const res = await http().post('/workspaces/acme/users').send(alice).expect(201);
    expect(res.body.status).toBe('exists');
    expect(sample.emulator.state.room(sample.emulator.appId, 'acme')?.members).toEqual(['alice']);
  });

  it('404 when the workspace has no room', async () => {
    const res = await http().post('/workspaces/ghost/users').send(alice).expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.stringMatching(/^Not found in Ethora/) });
  });

  it('400 naming each invalid field', async () => {
    const res = await http().post('/workspaces/acme/users').send({ userId: 'alice', email: 'not-an-email' }).expect(400);
    const messages = res.body.message as string[];
    for (const field of ['firstName', 'lastName', 'email']) {
      expect(messages.some((m) => m.startsWith(`${field} `))).toBe(true);
    }
  });

  it('502, not 401, when Ethora rejects our server credentials; no token in the body', async () => {
    sample.emulator.faults.add({ path: '/v2/users/batch', status: 401 });
    const res = await http().post('/workspaces/acme/users').send(alice).expect(502);
    expect(res.body).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: "upstream unavailable: Ethora refused this server's credentials",
    });
    expect(JSON.stringify(res.body)).not.toMatch(/eyJ|Bearer/);
  });

  it('502 on a 403 from Ethora as well', async () => {
    sample.emulator.faults.add({ path: '/v2/users/batch', status: 403 });
    await http().post('/workspaces/acme/users').send(alice).expect(502);
  });

  it('429 with Retry-After when Ethora keeps rate-limiting', async () => {
    sample.emulator.faults.add({ path: '/v2/chats/users-access', status: 429, retryAfter: 0 });
    const res = await http().post('/workspaces/acme/users').send(alice).expect(429);
    expect(res.body.message).toBe('Ethora rate limit reached; retry later');
    expect(res.headers['retry-after']).toBe('0');
  });

  it('503 when Ethora answers 503 to the grant', async () => {
    sample.emulator.faults.add({ path: '/v2/chats/users-access', status: 503 });
    const res = await http().post('/workspaces/acme/users').send(alice).expect(503);
    expect(res.body.message).toBe('upstream unavailable');
  });
});
