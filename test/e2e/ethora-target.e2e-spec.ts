import { afterEach, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { EthoraEmulator } from '../../lib/testing/index.js';
import { AppModule } from '../../sample/app.module.js';
import { configureApp } from '../../sample/configure-app.js';
import { EMULATOR_CHATBOT_ID, EmbeddedEthoraEmulator } from '../../sample/ethora-target.js';

/** The sample's own wiring (no module override): the ConfigService factory and the embedded-emulator fallback. */
describe('sample app: Ethora target', () => {
  const VARS = ['ETHORA_CHAT_API_URL', 'ETHORA_CHAT_APP_ID', 'ETHORA_CHAT_APP_SECRET', 'ETHORA_CHAT_BOT_JID', 'ETHORA_CHAT_XMPP_HOST'];
  const saved = Object.fromEntries(VARS.map((name) => [name, process.env[name]]));
  let app: INestApplication | undefined;
  let external: EthoraEmulator | undefined;

  async function startApp(): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await app.init();
    return app;
  }

  afterEach(async () => {
    await app?.close();
    await external?.stop();
    app = external = undefined;
    for (const name of VARS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('without ETHORA_CHAT_API_URL: runs on an embedded emulator with the chatbot user created, stopped on close', async () => {
    for (const name of VARS) delete process.env[name];
    const started = await startApp();
    const emulator = started.get(EmbeddedEthoraEmulator).emulator as EthoraEmulator;
    expect(emulator.state.user(emulator.appId, EMULATOR_CHATBOT_ID)).toBeDefined();

    const http = request(started.getHttpServer());
    await http.post('/workspaces').send({ workspaceId: 'acme', title: 'Acme' }).expect(201);
    await request(started.getHttpServer()).post('/workspaces/acme/chatbot').expect(201);
    expect(emulator.state.room(emulator.appId, 'acme')?.members).toEqual([EMULATOR_CHATBOT_ID]);

    await started.close();
    app = undefined;
    expect(() => emulator.url).toThrow(/not started/);
  });

  it('with the ETHORA_CHAT_* vars set: talks to that server (ConfigService factory) and starts no emulator', async () => {
    external = await new EthoraEmulator().start();
    Object.assign(process.env, external.env(), { ETHORA_CHAT_BOT_JID: 'support-bot' });
    external.addUser({ userId: 'support-bot' });
    const started = await startApp();
    expect(started.get(EmbeddedEthoraEmulator).emulator).toBeUndefined();

    await request(started.getHttpServer()).post('/workspaces').send({ workspaceId: 'acme', title: 'Acme' }).expect(201);
    await request(started.getHttpServer()).post('/workspaces/acme/chatbot').expect(201);
    expect(external.state.room(external.appId, 'acme')?.members).toEqual(['support-bot']);
  });

  it('with ETHORA_CHAT_API_URL but no app id: boot fails with the library error naming the env var', async () => {
    process.env.ETHORA_CHAT_API_URL = 'http://127.0.0.1:9';
    delete process.env.ETHORA_CHAT_APP_ID;
    await expect(startApp()).rejects.toThrow(/ETHORA_CHAT_APP_ID/);
  });
});
