import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { EthoraAppsService, EthoraArgumentError } from '../../lib/index.js';
import { EthoraNotFoundError, EthoraPermissionError } from '../../lib/errors/index.js';
import { CaptureLogger } from '../support/capture-logger.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('EthoraAppsService: apps, app tokens, provisioning, bot', () => {
  let ctx: EthoraTestContext;
  let apps: EthoraAppsService;
  let appId: string;
  const logger = new CaptureLogger();

  beforeAll(async () => {
    // Logging on at every level, so the tests can prove no secret reaches a log line.
    ctx = await createEthoraTestContext({ logging: true, logger });
    apps = ctx.moduleRef.get(EthoraAppsService);
    appId = ctx.emulator.appId;
  });
  afterAll(() => ctx.close());
  beforeEach(() => {
    ctx.emulator.reset();
    logger.lines.length = 0;
  });

  describe('apps', () => {
    it('creates, reads, lists and deletes a child app', async () => {
      const child = await apps.createApp({ displayName: 'Tenant A', domainName: 'tenant-a' });
      expect(child).toMatchObject({ displayName: 'Tenant A', domainName: 'tenant-a', parentAppId: appId });
      expect(typeof child.appToken).toBe('string');
      expect(ctx.emulator.requests[0]).toMatchObject({ method: 'POST', path: '/v2/apps', body: { displayName: 'Tenant A', domainName: 'tenant-a' } });

      expect(await apps.getApp(child._id)).toMatchObject({ _id: child._id, displayName: 'Tenant A' });
      expect(await apps.getApp(appId)).toMatchObject({ _id: appId });

      const page = await apps.listApps({ limit: 10, order: 'desc', orderBy: 'createdAt' });
      expect(page.items.map((a) => a._id)).toEqual([child._id, appId]);
      expect(ctx.emulator.requests.at(-1)).toMatchObject({ path: '/v2/apps', query: { limit: '10', offset: '0', order: 'desc', orderBy: 'createdAt' } });

      expect(await apps.deleteApp(child._id)).toMatchObject({ ok: true });
      expect(await apps.deleteApp(child._id)).toEqual({ ok: false, reason: 'App not found' });
      expect(ctx.emulator.state.app(child._id)).toBeUndefined();
      expect(logger.text).not.toContain(child.appToken as string);
    });

    it('iterates apps page by page', async () => {
      for (const name of ['Aa', 'Bb', 'Cc']) await apps.createApp({ displayName: name });
      ctx.emulator.clearRequests();
      const names: unknown[] = [];
      for await (const app of apps.iterateApps({ orderBy: 'displayName', pageSize: 2 })) names.push(app.displayName);
      expect(names).toEqual(['Aa', 'Bb', 'Cc', 'Emulator App']);
      expect(ctx.emulator.requests.map((r) => r.query.offset)).toEqual(['0', '2', '4']);
    });

    it('updates an app', async () => {
      const child = await apps.createApp({ displayName: 'Tenant A' });
      ctx.emulator.clearRequests();
      await apps.updateApp(child._id, { displayName: 'Tenant B' });
      expect(ctx.emulator.requests[0]).toMatchObject({ method: 'PATCH', path: `/v2/apps/${child._id}`, body: { displayName: 'Tenant B' } });
      await expect(apps.updateApp(child._id, {})).rejects.toMatchObject({ argument: 'data' });
      await expect(apps.updateApp(child._id, { displayName: 'B' })).rejects.toMatchObject({ argument: 'data.displayName' });
    });

    it('refuses bad input before sending, and never deletes the configured app', async () => {
      await expect(apps.createApp({ displayName: 'A' })).rejects.toMatchObject({ argument: 'data.displayName' });
      await expect(apps.getApp('not-an-app-id')).rejects.toMatchObject({ argument: 'appId' });
      await expect(apps.deleteApp(appId)).rejects.toMatchObject({ argument: 'appId' });
      await expect(apps.deleteApp(undefined as unknown as string)).rejects.toMatchObject({ argument: 'appId' });
      await expect(apps.listApps({ order: 'up' as never })).rejects.toMatchObject({ argument: 'options.order' });
      expect(() => apps.iterateApps({ pageSize: 501 })).toThrow(EthoraArgumentError);
      expect(ctx.emulator.requests).toHaveLength(0);
    });

    it('maps an app this token may not manage to 403 and an unknown one to 404', async () => {
      const foreign = ctx.emulator.addApp();
      await expect(apps.getApp(foreign.appId)).rejects.toBeInstanceOf(EthoraPermissionError);
      await expect(apps.getApp('0123456789abcdef01234567')).rejects.toBeInstanceOf(EthoraNotFoundError);
    });
  });

  describe('app tokens', () => {
    it('creates, lists, rotates and revokes tokens, and never logs a secret', async () => {
      const created = await apps.createAppToken(appId, { label: 'ci' });
      expect(created).toMatchObject({ tokenId: expect.any(String), token: expect.any(String), label: 'ci' });
      expect(ctx.emulator.requests[0]).toMatchObject({ method: 'POST', path: `/v2/apps/${appId}/tokens`, body: { label: 'ci' } });

      expect(await apps.listAppTokens(appId)).toEqual([expect.objectContaining({ tokenId: created.tokenId, label: 'ci' })]);
      const rotated = await apps.rotateAppToken(appId, created.tokenId);
      expect(rotated.token).not.toBe(created.token);
      expect(ctx.emulator.state.tokens().map((t) => t.tokenId)).toEqual([rotated.tokenId]); // rotate revoked the old id

      expect(await apps.revokeAppToken(appId, rotated.tokenId)).toMatchObject({ ok: true });
      expect(await apps.revokeAppToken(appId, rotated.tokenId)).toMatchObject({ ok: true }); // idempotent (§7.5)
      expect(await apps.listAppTokens(appId)).toEqual([]);

      expect(logger.lines.length).toBeGreaterThan(0);
      expect(logger.text).not.toContain(created.token);
      expect(logger.text).not.toContain(rotated.token);
    });

    it('does not retry a create or a rotate (each would mint another secret)', async () => {
      ctx.emulator.faults.add({ method: 'POST', path: `/v2/apps/${appId}/tokens`, status: 503, times: 1 });
      await expect(apps.createAppToken(appId)).rejects.toMatchObject({ status: 503, attempts: 1 });
    });

    it('refuses bad input before sending', async () => {
      await expect(apps.createAppToken(appId, { label: '' })).rejects.toMatchObject({ argument: 'data.label' });
      await expect(apps.revokeAppToken(appId, 'a/b')).rejects.toMatchObject({ argument: 'tokenId' });
      await expect(apps.rotateAppToken('xyz', 't1')).rejects.toMatchObject({ argument: 'appId' });
      expect(ctx.emulator.requests).toHaveLength(0);
    });
  });

  describe('provisioning and bot', () => {
    it('provisions rooms', async () => {
      await apps.provisionApp(appId, { rooms: [{ title: 'General', pinned: true }, { title: 'Random' }] });
      expect(ctx.emulator.state.rooms().map((r) => [r.title, r.pinned])).toEqual([['General', true], ['Random', undefined]]);
      expect(ctx.emulator.requests[0]).toMatchObject({ method: 'POST', path: `/v2/apps/${appId}/provision` });
      await expect(apps.provisionApp(appId, { rooms: [{ title: ' ' }] })).rejects.toMatchObject({ argument: 'data.rooms[0].title' });
    });

    it('reads and updates the bot settings', async () => {
      const chat = ctx.service;
      expect(await chat.getBot()).toMatchObject({ status: 'off', trigger: 'any_message' });
      const updated = await chat.updateBot({ status: 'on', trigger: '/bot', prompt: 'Be brief' });
      expect(updated).toMatchObject({ status: 'on', trigger: '/bot', prompt: 'Be brief' });
      expect(ctx.emulator.state.bot()).toMatchObject({ status: 'on', trigger: '/bot' });
      expect(ctx.emulator.requests[1]).toMatchObject({ method: 'PUT', path: `/v2/apps/${appId}/bot`, body: { status: 'on', trigger: '/bot', prompt: 'Be brief' } });
      await expect(chat.updateBot({ status: 'enabled' as never })).rejects.toMatchObject({ argument: 'settings.status' });
      await expect(chat.updateBot({ trigger: 'all' as never })).rejects.toMatchObject({ argument: 'settings.trigger' });
      expect(ctx.emulator.requests).toHaveLength(2);
    });
  });
});
