import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EthoraAppsService, EthoraChatModule, EthoraChatService, EthoraConfigError, type EthoraChatModuleOptions } from '../../lib/index.js';
import { FAST_TEST_OPTIONS, createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

const APP_ID = '65a1b2c3d4e5f60718293a4b';
const APP_TOKEN = 'JWT app.token.value';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * A real HTTP server that answers the app-token routes of ethora-api.md §7.1 the way Ethora's clients expect,
 * and records exactly what arrived (the emulator redacts auth headers in its log; this test needs them).
 */
async function startRecordingServer(): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const history = Array.from({ length: 5 }, (_, i) => ({ text: `m${i}`, from: 'bot' }));
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/v2/chats/history') {
        const offset = Number(url.searchParams.get('offset'));
        const limit = Number(url.searchParams.get('limit'));
        res.end(JSON.stringify({ messages: history.slice(offset, offset + limit) }));
      } else if (url.pathname.startsWith('/v1/apps/users/')) {
        res.end(JSON.stringify({ user: { xmppUsername: decodeURIComponent(url.pathname.split('/').at(-1) ?? ''), firstName: 'Alice' } }));
      } else if (url.pathname === '/v2/chats') {
        res.end(JSON.stringify({ result: { name: `${APP_ID}_r1` } }));
      } else {
        res.end(JSON.stringify({ ok: true }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('app token (B2B) auth, messages and user lookup', () => {
  let ethora: Awaited<ReturnType<typeof startRecordingServer>>;
  let moduleRef: TestingModule | undefined;

  beforeAll(async () => {
    ethora = await startRecordingServer();
  });
  afterAll(() => new Promise<void>((resolve) => ethora.server.close(() => resolve())));
  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
    ethora.seen.length = 0;
  });

  async function chatWith(options: Partial<EthoraChatModuleOptions>): Promise<EthoraChatService> {
    moduleRef = await Test.createTestingModule({
      imports: [EthoraChatModule.forRoot({ ...FAST_TEST_OPTIONS, apiUrl: ethora.url, appId: APP_ID, xmppHost: 'xmpp.test', ...options })],
    }).compile();
    await moduleRef.init();
    return moduleRef.get(EthoraChatService);
  }

  it('sends a message to a room as the app bot, with the app token as given in both headers', async () => {
    const chat = await chatWith({ appSecret: 'a-long-enough-app-secret', appToken: APP_TOKEN });
    await expect(chat.sendMessage('r1', 'Hello room')).resolves.toBeUndefined();
    const [sent] = ethora.seen;
    expect(sent).toMatchObject({
      method: 'POST',
      url: '/v2/chats/messages',
      body: { text: 'Hello room', mode: 'group', roomJid: `${APP_ID}_r1@conference.xmpp.test` },
    });
    expect(sent?.headers.authorization).toBe(APP_TOKEN);
    expect(sent?.headers['x-custom-token']).toBe(APP_TOKEN);
  });

  it('reads a room history page (limit 1–100) and iterates it page by page', async () => {
    const chat = await chatWith({ appToken: APP_TOKEN });
    const page = await chat.getRoomHistory(`${APP_ID}_r1`, { limit: 2 });
    expect(page).toMatchObject({ items: [{ text: 'm0' }, { text: 'm1' }], limit: 2, offset: 0 });
    expect(ethora.seen[0]?.url).toBe(`/v2/chats/history?mode=group&roomJid=${encodeURIComponent(`${APP_ID}_r1@conference.xmpp.test`)}&limit=2&offset=0`);
    const texts: unknown[] = [];
    for await (const message of chat.iterateRoomHistory('r1', { pageSize: 2 })) texts.push(message.text);
    expect(texts).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(() => chat.iterateRoomHistory('r1', { pageSize: 101 })).toThrow(/options\.pageSize/);
  });

  it('signs server routes with the secret when there is one, and uses the app token everywhere when not', async () => {
    const withSecret = await chatWith({ appSecret: 'a-long-enough-app-secret', appToken: APP_TOKEN });
    await withSecret.createChatRoom('r1');
    expect(ethora.seen[0]?.headers.authorization).toMatch(/^Bearer ey/);
    await moduleRef?.close();
    ethora.seen.length = 0;

    const tokenOnly = await chatWith({ appToken: APP_TOKEN });
    await tokenOnly.createChatRoom('r1');
    expect(ethora.seen[0]?.headers).toMatchObject({ authorization: APP_TOKEN, 'x-custom-token': APP_TOKEN });
  });

  it('looks a user up by XMPP username, plain or prefixed', async () => {
    const chat = await chatWith({ appToken: APP_TOKEN });
    expect(await chat.getUserByXmppUsername('alice')).toEqual({ xmppUsername: `${APP_ID}_alice`, firstName: 'Alice' });
    await chat.getUserByXmppUsername(`${APP_ID}_alice`);
    expect(ethora.seen.map((s) => s.url)).toEqual([`/v1/apps/users/${APP_ID}_alice`, `/v1/apps/users/${APP_ID}_alice`]);
  });

  it('refuses, before sending, an app-token call without an app token and a client token without a secret', async () => {
    const secretOnly = await chatWith({ appSecret: 'a-long-enough-app-secret' });
    await expect(secretOnly.sendMessage('r1', 'Hi')).rejects.toThrow(EthoraConfigError);
    await expect(secretOnly.getRoomHistory('r1')).rejects.toMatchObject({ code: 'invalid_config', option: 'appToken' });
    await moduleRef?.close();

    const tokenOnly = await chatWith({ appToken: APP_TOKEN });
    expect(() => tokenOnly.createChatUserJwtToken('alice')).toThrow(/appSecret.*minting client tokens needs it/);
    expect(ethora.seen).toEqual([]);
  });

  it('fails at boot when neither appSecret nor appToken is set, and says where a .env file must be loaded', async () => {
    await expect(chatWith({})).rejects.toThrow(/"appSecret" \(env ETHORA_CHAT_APP_SECRET\) is missing, and so is appToken \(env ETHORA_CHAT_APP_TOKEN\).*ConfigModule\.forRoot\(\)/);
  });
});

describe('the new calls against the emulator', () => {
  let ctx: EthoraTestContext;
  let withToken: TestingModule;
  let service: EthoraChatService;
  beforeAll(async () => {
    ctx = await createEthoraTestContext();
    // The emulator, like Ethora, accepts only app tokens it issued: mint one, then configure it beside the secret.
    const { token } = await ctx.moduleRef.get(EthoraAppsService).createAppToken(ctx.emulator.appId, { label: 'bot' });
    const { emulator } = ctx;
    const options = { ...FAST_TEST_OPTIONS, apiUrl: emulator.url, appId: emulator.appId, appSecret: emulator.appSecret, appToken: token, xmppHost: emulator.xmppHost };
    withToken = await Test.createTestingModule({ imports: [EthoraChatModule.forRoot(options)] }).compile();
    service = withToken.get(EthoraChatService);
  });
  afterAll(async () => {
    await withToken.close();
    await ctx.close();
  });

  it('sends a message and reads it back from the room history', async () => {
    ctx.emulator.addRoom({ chatId: 'r1' });
    await service.sendMessage('r1', 'Hello');
    expect((await service.getRoomHistory('r1')).items).toEqual([expect.objectContaining({ text: 'Hello' })]);
  });

  it('finds a user by XMPP username', async () => {
    ctx.emulator.addUser({ userId: 'alice' });
    expect(await ctx.service.getUserByXmppUsername('alice')).toMatchObject({ xmppUsername: `${ctx.emulator.appId}_alice` });
  });

  it('updates a child app user through PATCH /v2/apps/{appId}/chats/users', async () => {
    const child = ctx.service.forApp((await ctx.moduleRef.get(EthoraAppsService).createApp({ displayName: 'Child' }))._id);
    await child.createUser('alice');
    expect(await child.updateUsers([{ userId: 'alice', firstName: 'Alicia' }])).toEqual([expect.objectContaining({ status: 'updated' })]);
  });
});
