import { describe, expect, it } from '@jest/globals';
import { parseEmulatorArgs } from '../../lib/testing/emulator/index.js';

describe('parseEmulatorArgs', () => {
  it('defaults to port 4000', () => {
    expect(parseEmulatorArgs([])).toEqual({ help: false, version: false, exportEnv: false, chatbotUserId: 'chatbot', options: { port: 4000 }, faults: [] });
  });

  it('reads every flag in both --flag value and --flag=value forms', () => {
    const args = parseEmulatorArgs([
      '--port', '0', '--host=0.0.0.0', '--app-id', '65a1b2c3d4e5f60718293a4c', '--app-secret=s', '--latency-ms', '30',
      '--seed', '9', '--job-delay-ms', '2', '--rate-limit', '100', '--rate-burst=20', '--not-found-body', 'json', '--ready-line',
      '--request-log-max-bytes', '1000', '--chatbot-user', 'bot1', '--export', '-h', '--version',
      '--fault', '{"pathRegex":"^/v2/chats","status":503,"probability":0.1}',
    ]);
    expect(args.options).toEqual({
      port: 0, host: '0.0.0.0', appId: '65a1b2c3d4e5f60718293a4c', appSecret: 's', latencyMs: 30, seed: 9,
      jobs: { delayMs: 2 }, rateLimit: { requestsPerSecond: 100, burst: 20 }, notFoundBody: 'json', requestLogMaxBytes: 1000,
    });
    expect(args).toMatchObject({ help: true, version: true, exportEnv: true, chatbotUserId: 'bot1' });
    expect(args.faults).toEqual([{ path: /^\/v2\/chats/, status: 503, probability: 0.1 }]);
  });

  it('rejects unknown flags and bad values', () => {
    expect(() => parseEmulatorArgs(['--nope'])).toThrow(/unknown option/);
    expect(() => parseEmulatorArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseEmulatorArgs(['--latency-ms'])).toThrow(/needs a value/);
    expect(() => parseEmulatorArgs(['--not-found-body', 'xml'])).toThrow(/string, json/);
    expect(() => parseEmulatorArgs(['--prot', '1'])).toThrow(/did you mean --port\?/);
    expect(() => parseEmulatorArgs(['--job-dealy-ms', '1'])).toThrow(/did you mean --job-delay-ms\?/);
    expect(() => parseEmulatorArgs(['--zzzzzz'])).toThrow(/^unknown option --zzzzzz$/);
    expect(() => parseEmulatorArgs(['--fault', '[1]'])).toThrow(/JSON object/);
  });
});
