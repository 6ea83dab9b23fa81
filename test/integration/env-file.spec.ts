import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigModule } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EthoraChatModule, EthoraChatService } from '../../lib/index.js';
import { EthoraEmulator } from '../../lib/testing/index.js';

const KEYS = ['ETHORA_CHAT_API_URL', 'ETHORA_CHAT_APP_ID', 'ETHORA_CHAT_APP_SECRET', 'ETHORA_CHAT_XMPP_HOST', 'ETHORA_CHAT_LOGGING'];

describe('forRoot() with a .env file', () => {
  let emulator: EthoraEmulator;
  let dir: string;
  let envFile: string;

  beforeAll(async () => {
    emulator = await new EthoraEmulator().start();
    dir = mkdtempSync(join(tmpdir(), 'ethora-env-'));
    envFile = join(dir, '.env');
    const values = [emulator.url, emulator.appId, emulator.appSecret, emulator.xmppHost, 'false'];
    writeFileSync(envFile, KEYS.map((key, i) => `${key}=${values[i]}`).join('\n'));
    for (const key of KEYS) delete process.env[key];
  });
  afterAll(async () => {
    for (const key of KEYS) delete process.env[key];
    rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
  });

  it('fails at boot without ConfigModule.forRoot(), with a hint that says to import it', async () => {
    await expect(Test.createTestingModule({ imports: [EthoraChatModule.forRoot()] }).compile()).rejects.toThrow(
      /"apiUrl" \(env ETHORA_CHAT_API_URL\) is missing\..*import ConfigModule\.forRoot\(\)/,
    );
  });

  it('reads the .env file when the app imports ConfigModule.forRoot() (as documented)', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ envFilePath: envFile }), EthoraChatModule.forRoot()],
    }).compile();
    await moduleRef.init();
    expect(await moduleRef.get(EthoraChatService).createChatRoom('from-env')).toMatchObject({ status: 'created' });
    await moduleRef.close();
  });
});
