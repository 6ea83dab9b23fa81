import { describe, expect, it } from '@jest/globals';
import { parseEmulatorArgs } from '../../lib/testing/emulator/index.js';

describe('parseEmulatorArgs', () => {
  it('defaults to port 4000', () => {
    expect(parseEmulatorArgs([])).toEqual({ help: false, options: { port: 4000 }, faults: [] });
  });

  it('reads every flag in both --flag value and --flag=value forms', () => {
    const args = parseEmulatorArgs([
      '--port', '0', '--host=0.0.0.0', '--app-id', '65a1b2c3d4e5f60718293a4c', '--app-secret=s', '--latency-ms', '30',
      '--seed', '9', '--polls-before-complete', '2', '--user-batch-mode', 'sync', '--not-found-body', 'json', '--ready-line',
      '--fault', '{"pathRegex":"^/v2/chats","status":503,"probability":0.1}',
    ]);
    expect(args.options).toEqual({
      port: 0, host: '0.0.0.0', appId: '65a1b2c3d4e5f60718293a4c', appSecret: 's', latencyMs: 30, seed: 9,
      jobs: { pollsBeforeComplete: 2 }, userBatchMode: 'sync', notFoundBody: 'json',
    });
    expect(args.faults).toEqual([{ path: /^\/v2\/chats/, status: 503, probability: 0.1 }]);
  });

  it('rejects unknown flags and bad values', () => {
    expect(() => parseEmulatorArgs(['--nope'])).toThrow(/unknown option/);
    expect(() => parseEmulatorArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseEmulatorArgs(['--latency-ms'])).toThrow(/needs a value/);
    expect(() => parseEmulatorArgs(['--user-batch-mode', 'later'])).toThrow(/async, sync/);
    expect(() => parseEmulatorArgs(['--fault', '[1]'])).toThrow(/JSON object/);
  });
});
