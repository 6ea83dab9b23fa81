import { afterEach, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { EthoraChatModule, EthoraChatService } from '../../lib/index.js';
import { EthoraEmulator } from '../../lib/testing/index.js';
import { FAST_TEST_OPTIONS } from '../support/ethora-test-context.js';
import { workspaceUsers } from '../reliability/support/workspace-users.js';

const RATE = 100;
let emulator: EthoraEmulator | undefined;
let moduleRef: TestingModule | undefined;

afterEach(async () => {
  await moduleRef?.close();
  await emulator?.stop();
  moduleRef = emulator = undefined;
});

describe('rateLimitPerSecond (one process, no Redis)', () => {
  it('keeps parallel provisionWorkspace runs under the limit: no 429 from a server that enforces it', async () => {
    emulator = await new EthoraEmulator({ requestLogLimit: 0, rateLimit: { requestsPerSecond: RATE, burst: RATE / 4 } }).start();
    const { url, appId, appSecret, xmppHost } = emulator;
    moduleRef = await Test.createTestingModule({
      imports: [EthoraChatModule.forRoot({ ...FAST_TEST_OPTIONS, apiUrl: url, appId, appSecret, xmppHost, rateLimitPerSecond: RATE })],
    }).compile();
    const chat = moduleRef.get(EthoraChatService);

    const rooms = ['rl-a', 'rl-b', 'rl-c'];
    const reports = await Promise.all(rooms.map((room) => chat.provisionWorkspace(room, workspaceUsers(room, 600), { concurrency: 16 })));

    for (const report of reports) expect(report).toMatchObject({ ok: true, totals: { granted: 600 } });
    expect(emulator.stats()).toMatchObject({ rateLimited: 0, maxRequestsPerSecond: expect.any(Number) });
    expect(emulator.stats().maxRequestsPerSecond).toBeLessThanOrEqual(RATE);
    expect(emulator.state.userCount(appId)).toBe(1_800);
  });
});
