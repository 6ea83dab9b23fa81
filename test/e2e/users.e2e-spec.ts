import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EthoraTokenService } from '../../lib/index.js';
import { createSampleApp, type SampleApp } from './sample-app.harness.js';

describe('sample app: POST /users/:userId/token', () => {
  let sample: SampleApp;
  const http = () => request(sample.app.getHttpServer());

  beforeAll(async () => {
    sample = await createSampleApp();
  });
  afterAll(async () => {
    await sample?.close();
  });

  it('mints a client token for the user, valid for the default 15 minutes', async () => {
    const before = Date.now();
    const res = await http().post('/users/alice/token').expect(201);
    expect(res.body).toEqual({ userId: 'alice', token: expect.any(String), expiresAt: expect.any(String) });
    const claims = sample.app.get(EthoraTokenService).verifyClientToken(res.body.token);
    expect(claims.data).toEqual({ type: 'client', userId: 'alice', appId: sample.emulator.appId });
    const lifetime = (Date.parse(res.body.expiresAt) - before) / 1000;
    expect(lifetime).toBeGreaterThan(890);
    expect(lifetime).toBeLessThanOrEqual(901);
    // Minting is local: nothing is sent to Ethora.
    expect(sample.emulator.requests).toHaveLength(0);
  });

  it('takes expiresInSeconds', async () => {
    const res = await http().post('/users/alice/token').send({ expiresInSeconds: 120 }).expect(201);
    const { exp, iat } = sample.app.get(EthoraTokenService).verifyClientToken(res.body.token);
    expect(exp - iat).toBeGreaterThanOrEqual(120);
    expect(exp - iat).toBeLessThanOrEqual(130);
  });

  it('400 naming expiresInSeconds when out of range', async () => {
    const res = await http().post('/users/alice/token').send({ expiresInSeconds: 5 }).expect(400);
    expect(res.body.message).toEqual([expect.stringMatching(/^expiresInSeconds must not be less than 60/)]);
  });

  it('400 naming userId for a bad id', async () => {
    const res = await http().post('/users/.alice/token').expect(400);
    expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^userId may hold only/)]));
  });
});

describe('sample app: GET /users/:userId/chats', () => {
  let sample: SampleApp;
  const http = () => request(sample.app.getHttpServer());

  beforeAll(async () => {
    sample = await createSampleApp();
  });
  beforeEach(() => {
    sample.reset();
    sample.emulator.addUsers([{ userId: 'alice' }, { userId: 'bob' }]);
    sample.emulator.addRoom({ chatId: 'acme', title: 'Acme', members: ['alice', 'bob'] });
    sample.emulator.addRoom({ chatId: 'globex', title: 'Globex', members: ['alice'] });
  });
  afterAll(async () => {
    await sample?.close();
  });

  it("lists the user's rooms", async () => {
    const res = await http().get('/users/alice/chats').expect(200);
    expect(res.body).toMatchObject({ userId: 'alice', limit: 100, offset: 0 });
    expect(res.body.chats.map((c: { title: string }) => c.title).sort()).toEqual(['Acme', 'Globex']);
  });

  it('pages and includes members on request', async () => {
    const res = await http().get('/users/bob/chats?limit=1&offset=0&includeMembers=true').expect(200);
    expect(res.body.limit).toBe(1);
    expect(res.body.chats).toHaveLength(1);
    expect(res.body.chats[0].members).toHaveLength(2);
  });

  it('404 for a user Ethora does not know', async () => {
    const res = await http().get('/users/nobody/chats').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.stringMatching(/^Not found in Ethora/) });
  });

  it('400 naming the query parameter', async () => {
    const res = await http().get('/users/alice/chats?limit=0&includeMembers=yes').expect(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^limit must not be less than 1/), expect.stringMatching(/^includeMembers must be a boolean/)]),
    );
  });
});
