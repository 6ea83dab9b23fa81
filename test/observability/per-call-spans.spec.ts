import { describe, expect, it } from '@jest/globals';
import { EthoraAppsService } from '../../lib/index.js';
import { useTracedTestEnv } from './support/otel-test-sdk.js';

describe('one INTERNAL span per public call, on every face of the API (real OpenTelemetry SDK)', () => {
  const env = useTracedTestEnv();

  it('covers forApp(...) calls (for the child app), the service and EthoraAppsService; sync calls make none', async () => {
    const ctx = await env.start();
    const apps = ctx.moduleRef.get(EthoraAppsService);
    const childId = (await apps.createApp({ displayName: 'Traced child' }))._id;
    const child = ctx.service.forApp(childId);
    await child.createChatRoom('kid-room');
    await child.bulkCreateUsers([{ userId: 'kid-1' }, { userId: 'kid-2' }]);
    await ctx.service.createChatRoom('own-room');
    await ctx.service.ping();
    child.createChatName('kid-room');

    const calls = env.sdk
      .spans()
      .filter((span) => span.parentSpanContext === undefined)
      .map((span) => [span.name, span.kind, span.attributes['ethora.app.id'], span.attributes['ethora.item_count']]);
    expect(calls).toEqual([
      ['ethora.createApp', 0, ctx.emulator.appId, undefined],
      ['ethora.createChatRoom', 0, childId, undefined],
      ['ethora.bulkCreateUsers', 0, childId, 2],
      ['ethora.createChatRoom', 0, ctx.emulator.appId, undefined],
      ['ethora.ping', 0, ctx.emulator.appId, undefined],
    ]);
  });
});
