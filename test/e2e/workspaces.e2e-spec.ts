import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EMULATOR_CHATBOT_ID } from '../../sample/ethora-target.js';
import { createSampleApp, type SampleApp } from './sample-app.harness.js';

describe('sample app: /workspaces', () => {
  let sample: SampleApp;
  const http = () => request(sample.app.getHttpServer());
  const appId = () => sample.emulator.appId;

  beforeAll(async () => {
    sample = await createSampleApp();
  });
  beforeEach(() => sample.reset());
  afterAll(async () => {
    await sample?.close();
  });

  describe('POST /workspaces', () => {
    it('creates the room: 201 with its name and JID', async () => {
      const res = await http().post('/workspaces').send({ workspaceId: 'acme', title: 'Acme Inc.' }).expect(201);
      expect(res.body).toEqual({
        workspaceId: 'acme',
        status: 'created',
        chatName: `${appId()}_acme`,
        roomJid: `${appId()}_acme@conference.${sample.emulator.xmppHost}`,
      });
      expect(sample.emulator.state.room(appId(), 'acme')?.title).toBe('Acme Inc.');
    });

    it('answers 200 with status "exists" on a repeat (the create is idempotent)', async () => {
      await http().post('/workspaces').send({ workspaceId: 'acme', title: 'Acme' }).expect(201);
      const res = await http().post('/workspaces').send({ workspaceId: 'acme', title: 'Acme' }).expect(200);
      expect(res.body.status).toBe('exists');
      expect(sample.emulator.state.roomCount()).toBe(1);
    });

    it('400 naming the field when title is missing', async () => {
      const res = await http().post('/workspaces').send({ workspaceId: 'acme' }).expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.error).toBe('Bad Request');
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^title /)]));
      expect(sample.emulator.requests).toHaveLength(0);
    });

    it('400 naming workspaceId when it holds characters Ethora ids cannot', async () => {
      const res = await http().post('/workspaces').send({ workspaceId: 'a/b c', title: 'x' }).expect(400);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^workspaceId may hold only/)]));
    });

    it('400 on an unknown field (forbidNonWhitelisted)', async () => {
      const res = await http().post('/workspaces').send({ workspaceId: 'acme', title: 'x', plan: 'pro' }).expect(400);
      expect(res.body.message).toContain('property plan should not exist');
    });

    it('503 "upstream unavailable" when Ethora answers 503 (after the library retried)', async () => {
      const fault = sample.emulator.faults.add({ method: 'POST', path: '/v2/chats', status: 503 });
      const res = await http().post('/workspaces').send({ workspaceId: 'acme', title: 'x' }).expect(503);
      expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'upstream unavailable' });
      expect(fault.hits).toBe(3);
    });

    it('502 when Ethora answers 500', async () => {
      sample.emulator.faults.add({ method: 'POST', path: '/v2/chats', status: 500 });
      const res = await http().post('/workspaces').send({ workspaceId: 'acme', title: 'x' }).expect(502);
      expect(res.body.message).toBe('upstream unavailable');
    });

    it('503 when the connection to Ethora drops', async () => {
      sample.emulator.faults.add({ method: 'POST', path: '/v2/chats', reset: true });
      const res = await http().post('/workspaces').send({ workspaceId: 'acme', title: 'x' }).expect(503);
      expect(res.body.message).toBe('upstream unavailable');
    });
  });

  describe('POST /workspaces/:workspaceId/chatbot', () => {
    it('adds the emulator chatbot to the room', async () => {
      sample.emulator.addRoom({ chatId: 'acme' });
      const res = await http().post('/workspaces/acme/chatbot').expect(201);
      expect(res.body).toEqual({ workspaceId: 'acme', chatbot: 'granted' });
      expect(sample.emulator.state.room(appId(), 'acme')?.members).toEqual([EMULATOR_CHATBOT_ID]);
    });

    it('404 when the room does not exist', async () => {
      const res = await http().post('/workspaces/nope/chatbot').expect(404);
      expect(res.body.statusCode).toBe(404);
      expect(res.body.error).toBe('Not Found');
    });

    it('400 naming workspaceId for a bad path id', async () => {
      const res = await http().post('/workspaces/bad..id/chatbot').expect(400);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^workspaceId /)]));
    });
  });

  describe('DELETE /workspaces/:workspaceId', () => {
    it('deletes the listed users and the room', async () => {
      sample.emulator.addUsers([{ userId: 'u1' }, { userId: 'u2' }]);
      sample.emulator.addRoom({ chatId: 'acme', members: ['u1', 'u2'] });
      const res = await http().delete('/workspaces/acme').send({ userIds: ['u1', 'u2'] }).expect(200);
      expect(res.body).toEqual({ workspaceId: 'acme', room: 'deleted', users: 'deleted' });
      expect(sample.emulator.state.room(appId(), 'acme')).toBeUndefined();
      expect(sample.emulator.state.user(appId(), 'u1')).toBeUndefined();
    });

    it('works without a body (room only)', async () => {
      sample.emulator.addRoom({ chatId: 'acme' });
      const res = await http().delete('/workspaces/acme').expect(200);
      expect(res.body.users).toBe('none_listed');
    });

    it('404 when the room does not exist', async () => {
      const res = await http().delete('/workspaces/ghost').send({ userIds: ['nobody'] }).expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.stringContaining('ghost') });
    });

    it('400 naming the entry for a bad user id', async () => {
      const res = await http().delete('/workspaces/acme').send({ userIds: ['ok', 'not ok'] }).expect(400);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^each value in userIds may hold only/)]));
    });
  });

  describe('POST /workspaces/:workspaceId/onboard', () => {
    it('creates the room and 120 users, granting them in 2 calls (100 + 20)', async () => {
      const users = Array.from({ length: 120 }, (_, i) => ({ userId: `u${i}`, firstName: 'User', lastName: `No ${i}` }));
      const res = await http().post('/workspaces/big/onboard').send({ title: 'Big', users }).expect(201);
      expect(res.body).toEqual({
        workspaceId: 'big',
        room: 'created',
        users: { requested: 120, created: 120, existing: 0, granted: 120, failed: [] },
      });
      expect(sample.emulator.state.room(appId(), 'big')?.members).toHaveLength(120);
      const grants = sample.emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v2/chats/users-access');
      expect(grants).toHaveLength(2);
    });

    it('reports existing users as existing, not as failures', async () => {
      sample.emulator.addUser({ userId: 'old' });
      const users = [{ userId: 'old', firstName: 'Old', lastName: 'User' }, { userId: 'new', firstName: 'New', lastName: 'User' }];
      const res = await http().post('/workspaces/acme/onboard').send({ users }).expect(201);
      expect(res.body.users).toEqual({ requested: 2, created: 1, existing: 1, granted: 2, failed: [] });
    });

    it('reports the users of a refused batch, and onboards the others', async () => {
      // One batch of 100 users is refused (a 400 is not retried); the other 20 users go through.
      sample.emulator.faults.add({ method: 'POST', path: '/v2/users/batch', status: 400, times: 1 });
      const users = Array.from({ length: 120 }, (_, i) => ({ userId: `p${i}`, firstName: 'User', lastName: `No ${i}` }));
      const res = await http().post('/workspaces/acme/onboard').send({ users });
      expect(res.status).toBe(201);
      expect(res.body.users.failed).toHaveLength(100);
      expect(res.body.users.failed[0]).toEqual({ userId: expect.any(String), statusCode: 422, message: expect.stringMatching(/^Ethora rejected the request/) });
      expect(res.body.users.granted).toBe(20);
    });

    it('503 when no user can be created because Ethora is down', async () => {
      sample.emulator.faults.add({ method: 'POST', path: '/v2/users/batch', status: 503 });
      const users = [{ userId: 'a', firstName: 'Ann', lastName: 'A' }];
      await http().post('/workspaces/acme/onboard').send({ users }).expect(503);
    });

    it('400 naming the nested field', async () => {
      const res = await http()
        .post('/workspaces/acme/onboard')
        .send({ users: [{ userId: 'a', firstName: 'Ann' }] })
        .expect(400);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^users\.0\.lastName /)]));
    });

    it('400 when a userId repeats', async () => {
      const user = { userId: 'a', firstName: 'Ann', lastName: 'A' };
      const res = await http().post('/workspaces/acme/onboard').send({ users: [user, user] }).expect(400);
      expect(res.body.message).toContain('users must not repeat a userId');
    });
  });
});

describe('sample app: Ethora too slow', () => {
  let sample: SampleApp;

  beforeAll(async () => {
    sample = await createSampleApp({ timeoutMs: 100 });
  });
  afterAll(async () => {
    await sample?.close();
  });

  it('504 "upstream unavailable" when Ethora does not answer in time', async () => {
    sample.emulator.faults.add({ method: 'POST', path: '/v2/chats', hang: true });
    const res = await request(sample.app.getHttpServer()).post('/workspaces').send({ workspaceId: 'acme', title: 'x' }).expect(504);
    expect(res.body).toEqual({ statusCode: 504, error: 'Gateway Timeout', message: 'upstream unavailable' });
  });
});

describe('sample app: no chatbot configured', () => {
  let sample: SampleApp;

  beforeAll(async () => {
    sample = await createSampleApp({ chatbotJid: undefined });
  });
  afterAll(async () => {
    await sample?.close();
  });

  it('500 with a safe message (the EthoraConfigError detail stays in the server log)', async () => {
    sample.emulator.addRoom({ chatId: 'acme' });
    const res = await request(sample.app.getHttpServer()).post('/workspaces/acme/chatbot').expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'The chat integration is not configured correctly on this server',
    });
  });
});
