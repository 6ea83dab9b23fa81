import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Injectable, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { EthoraChatModule, EthoraChatService } from '../../lib/index.js';
import { EthoraChatTestingModule, EthoraEmulator, emulatorModuleOptions, getEthoraChatOptionsToken } from '../../lib/testing/index.js';

// The README's "Testing your app" example, run for real: an app module that registers EthoraChatModule
// for production, pointed at the emulator in the test by overriding the options provider.
@Injectable()
class WorkspacesService {
  constructor(private readonly chat: EthoraChatService) {}

  async openWorkspace(workspaceId: string, ownerId: string) {
    const room = await this.chat.createChatRoom(workspaceId, { title: 'Team chat' });
    const owner = await this.chat.createUser(ownerId, { displayName: 'Ada Lovelace' });
    await this.chat.grantUserAccessToChatRoom(workspaceId, ownerId);
    return { room, owner, token: this.chat.createChatUserJwtToken(ownerId) };
  }
}

@Module({
  imports: [EthoraChatModule.forRoot({ apiUrl: 'https://api.chat.ethora.com', appId: 'ffffffffffffffffffffffff', appSecret: 'production-secret-never-used-in-tests', isGlobal: true })],
  providers: [WorkspacesService],
})
class AppModule {}

describe('swapping an app\'s Ethora for the emulator (the README example)', () => {
  let moduleRef: TestingModule;
  let emulator: EthoraEmulator;

  beforeAll(async () => {
    emulator = await new EthoraEmulator().start();
    moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(getEthoraChatOptionsToken())
      .useValue(emulatorModuleOptions(emulator, { chatbotJid: 'bot' }))
      .compile();
    await moduleRef.init();
  });
  afterAll(async () => {
    await moduleRef.close();
    await emulator.stop();
  });

  it('opens a workspace with a room and its owner', async () => {
    const result = await moduleRef.get(WorkspacesService).openWorkspace('ws-1', 'owner-1');
    expect(result.room.status).toBe('created');
    expect(result.owner.status).toBe('created');
    expect(emulator.state.room(emulator.appId, 'ws-1')?.members).toContain('owner-1');
  });

  it('survives a flaky Ethora', async () => {
    emulator.clearRequests();
    emulator.faults.add({ path: '/v2/chats', status: 503, times: 1 });
    await moduleRef.get(WorkspacesService).openWorkspace('ws-2', 'owner-2');
    expect(emulator.requests.filter((r) => r.path === '/v2/chats').map((r) => r.status)).toEqual([503, 200]);
  });

  it('sends nothing to the production URL', () => {
    expect(emulator.requests.length).toBeGreaterThan(0);
    expect(moduleRef.get(getEthoraChatOptionsToken())).toMatchObject({ apiUrl: emulator.url, chatbotJid: 'bot' });
  });
});

describe('EthoraChatTestingModule', () => {
  @Module({ providers: [WorkspacesService] })
  class FeatureModule {}

  it('boots EthoraChatModule on a fresh emulator, exposes it, and stops it on close', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [EthoraChatTestingModule.register({ isGlobal: true, options: { chatbotJid: 'bot' } }), FeatureModule],
    }).compile();
    await moduleRef.init();
    const emulator = moduleRef.get(EthoraEmulator);
    const result = await moduleRef.get(WorkspacesService).openWorkspace('ws-9', 'owner-9');
    expect(result.room.status).toBe('created');
    expect(emulator.state.user(emulator.appId, 'owner-9')).toBeDefined();
    await moduleRef.close();
    expect(() => emulator.url).toThrow(/not started/);
  });
});
