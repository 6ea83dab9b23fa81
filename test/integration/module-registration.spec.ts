import { afterEach, beforeAll, afterAll, describe, expect, it } from '@jest/globals';
import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { EthoraChatModule, EthoraChatService, EthoraConfigError, ethoraChatConfig, type EthoraChatModuleOptions } from '../../lib/index.js';
import { EthoraEmulator } from '../../lib/testing/index.js';

const ENV_KEYS = ['ETHORA_CHAT_API_URL', 'ETHORA_CHAT_APP_ID', 'ETHORA_CHAT_APP_SECRET', 'ETHORA_CHAT_BOT_JID', 'ETHORA_CHAT_LOGGING'];

describe('EthoraChatModule registration', () => {
  let emulator: EthoraEmulator;
  let moduleRef: TestingModule | undefined;
  let options: EthoraChatModuleOptions;

  beforeAll(async () => {
    emulator = await new EthoraEmulator().start();
    options = { apiUrl: emulator.url, appId: emulator.appId, appSecret: emulator.appSecret, logging: false };
  });
  afterAll(() => emulator.stop());
  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
    for (const key of ENV_KEYS) delete process.env[key];
  });

  async function compile(imports: unknown[]): Promise<TestingModule> {
    moduleRef = await Test.createTestingModule({ imports: imports as never[] }).compile();
    return moduleRef;
  }

  async function roomWorks(ref: TestingModule): Promise<void> {
    const service = ref.get(EthoraChatService);
    const room = await service.createChatRoom(`room-${Math.random().toString(36).slice(2)}`);
    expect(room.status).toBe('created');
  }

  function setEnv(): void {
    process.env.ETHORA_CHAT_API_URL = emulator.url;
    process.env.ETHORA_CHAT_APP_ID = emulator.appId;
    process.env.ETHORA_CHAT_APP_SECRET = emulator.appSecret;
    process.env.ETHORA_CHAT_LOGGING = 'false';
  }

  it('forRoot(options) works without any env var', async () => {
    await roomWorks(await compile([EthoraChatModule.forRoot(options)]));
  });

  it('forRoot() with no options reads ETHORA_CHAT_* through @nestjs/config', async () => {
    setEnv();
    process.env.ETHORA_CHAT_BOT_JID = 'bot';
    const ref = await compile([EthoraChatModule.forRoot()]);
    await roomWorks(ref);
    expect(ref.get(ConfigService).get('ethoraChat.chatbotJid')).toBe('bot');
  });

  it('forRoot(partial) fills the rest from env, explicit options winning', async () => {
    setEnv();
    process.env.ETHORA_CHAT_APP_ID = 'ffffffffffffffffffffffff';
    await roomWorks(await compile([EthoraChatModule.forRoot({ appId: emulator.appId })]));
  });

  it('forRootAsync(ethoraChatConfig.asProvider()) is a one-line env setup', async () => {
    setEnv();
    await roomWorks(await compile([EthoraChatModule.forRootAsync(ethoraChatConfig.asProvider())]));
  });

  it('forRootAsync with useFactory + ConfigService', async () => {
    setEnv();
    const ref = await compile([
      ConfigModule.forRoot({ ignoreEnvFile: true }),
      EthoraChatModule.forRootAsync({
        imports: [ConfigModule],
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ({
          apiUrl: config.getOrThrow<string>('ETHORA_CHAT_API_URL'),
          appId: config.getOrThrow<string>('ETHORA_CHAT_APP_ID'),
          appSecret: config.getOrThrow<string>('ETHORA_CHAT_APP_SECRET'),
          logging: false,
        }),
      }),
    ]);
    await roomWorks(ref);
  });

  it('forRootAsync with useClass and with useExisting', async () => {
    @Injectable()
    class EthoraOptionsFactory {
      createEthoraChatOptions(): EthoraChatModuleOptions {
        return options;
      }
    }
    await roomWorks(await compile([EthoraChatModule.forRootAsync({ useClass: EthoraOptionsFactory })]));
    await moduleRef?.close();

    @Module({ providers: [EthoraOptionsFactory], exports: [EthoraOptionsFactory] })
    class OptionsModule {}
    await roomWorks(await compile([EthoraChatModule.forRootAsync({ imports: [OptionsModule], useExisting: EthoraOptionsFactory })]));
  });

  it.each([
    ['forRoot', () => EthoraChatModule.forRoot({ ...options, isGlobal: true })],
    ['forRootAsync', () => EthoraChatModule.forRootAsync({ useFactory: () => options, isGlobal: true })],
  ])('isGlobal on %s makes the service injectable in a module that does not import it', async (_, register) => {
    @Injectable()
    class Consumer {
      constructor(readonly chat: EthoraChatService) {}
    }
    @Module({ providers: [Consumer], exports: [Consumer] })
    class FeatureModule {}
    const ref = await compile([register(), FeatureModule]);
    expect(ref.get(Consumer).chat).toBeInstanceOf(EthoraChatService);
  });

  it('without isGlobal the service is not visible to other modules', async () => {
    @Injectable()
    class Consumer {
      constructor(readonly chat: EthoraChatService) {}
    }
    @Module({ providers: [Consumer] })
    class FeatureModule {}
    await expect(compile([EthoraChatModule.forRoot(options), FeatureModule])).rejects.toThrow(/EthoraChatService/);
  });

  it.each([
    [{ appId: 'nope' }, /"appId" \(env ETHORA_CHAT_APP_ID\) must be 24 hex/],
    [{ apiUrl: '::bad::' }, /"apiUrl" \(env ETHORA_CHAT_API_URL\) is not a valid URL/],
    [{ appSecret: undefined }, /"appSecret" \(env ETHORA_CHAT_APP_SECRET\) is missing/],
  ])('refuses to boot on bad config %p, naming option and env var', async (override, message) => {
    const attempt = compile([EthoraChatModule.forRoot({ ...options, ...override } as EthoraChatModuleOptions)]);
    await expect(attempt).rejects.toThrow(EthoraConfigError);
    await expect(compile([EthoraChatModule.forRoot({ ...options, ...override } as EthoraChatModuleOptions)])).rejects.toThrow(message);
  });

  it('refuses to boot from env when a variable is missing, without echoing the secret', async () => {
    setEnv();
    delete process.env.ETHORA_CHAT_APP_ID;
    const failure = await compile([EthoraChatModule.forRoot()]).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(EthoraConfigError);
    expect((failure as Error).message).toMatch(/ETHORA_CHAT_APP_ID/);
    expect((failure as Error).message).not.toContain(emulator.appSecret);
  });
});
