import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as bullmq from '../../lib/bullmq/index.js';
import * as main from '../../lib/index.js';
import * as terminus from '../../lib/terminus/index.js';
import * as testing from '../../lib/testing/index.js';

// Every entry point's surface, pinned: a change to what users may import is a visible diff here.
const ENTRIES = {
  '.': {
    source: 'lib/index.ts',
    loaded: main as object,
    values: [
      'ETHORA_ID_PATTERN',
      'EthoraApiError',
      'EthoraAppsService',
      'EthoraArgumentError',
      'EthoraChatModule',
      'EthoraChatService',
      'EthoraConfigError',
      'EthoraJobError',
      'EthoraMassRemovalError',
      'EthoraRateLimitError',
      'EthoraTokenError',
      'EthoraTokenService',
      'MAX_ID_LENGTH',
      'ethoraChatConfig',
      'isEthoraError',
      'runWithEthoraRequestId',
    ],
    types: [
      'BroadcastOptions',
      'BroadcastRequest',
      'BroadcastResult',
      'BulkAccessReport',
      'BulkCreateUsersReport',
      'BulkItemError',
      'BulkOptions',
      'BulkUserInput',
      'ClientTokenOptions',
      'CreateChatRoomData',
      'CreateChatRoomResult',
      'CreateUserData',
      'CreateUserResult',
      'EthoraApp',
      'EthoraBotSettings',
      'EthoraChatApi',
      'EthoraChatModuleOptions',
      'EthoraChatRoom',
      'EthoraChatUser',
      'EthoraError',
      'EthoraIterateOptions',
      'EthoraJob',
      'EthoraMessage',
      'EthoraPage',
      'EthoraPageOptions',
      'EthoraRateLimitState',
      'GetUserChatsOptions',
      'GetUsersOptions',
      'ProvisionWorkspaceOptions',
      'ProvisionWorkspaceReport',
      'SyncRoomMembersOptions',
      'SyncRoomMembersReport',
      'SyncWorkspaceOptions',
      'SyncWorkspaceReport',
      'UpdateChatRoomData',
      'UpdateUserData',
      'UpdateUserResult',
      'WaitForJobRequest',
    ],
  },
  './testing': {
    source: 'lib/testing/index.ts',
    loaded: testing as object,
    values: ['EthoraChatTestingModule', 'EthoraEmulator', 'emulatorModuleOptions', 'getEthoraChatOptionsToken'],
    types: ['EmulatorSeedRoom', 'EmulatorSeedUser', 'EthoraChatTestingOptions', 'EthoraEmulatorOptions'],
  },
  './terminus': {
    source: 'lib/terminus/index.ts',
    loaded: terminus as object,
    values: ['EthoraHealthIndicator', 'EthoraTerminusModule'],
    types: ['EthoraHealthCheckOptions'],
  },
  './bullmq': {
    source: 'lib/bullmq/index.ts',
    loaded: bullmq as object,
    values: ['EthoraProvisioningQueue', 'EthoraQueueModule'],
    types: ['EthoraQueueModuleOptions', 'EthoraRunStatus', 'QueuedProvisionOptions', 'QueuedSyncOptions', 'WaitForRunOptions'],
  },
} as const;

/** The names an entry file exports, split into values and types, read from its `export { ... } from` lines. */
function exportedNames(source: string): { values: string[]; types: string[]; star: boolean } {
  const text = readFileSync(join(process.cwd(), source), 'utf8');
  const values: string[] = [];
  const types: string[] = [];
  for (const [, typeOnly, list] of text.matchAll(/export (type )?\{([^}]*)\}/g)) {
    for (const entry of (list as string).split(',').map((name) => name.trim()).filter(Boolean)) {
      const isType = Boolean(typeOnly) || entry.startsWith('type ');
      (isType ? types : values).push(entry.replace(/^type /, '').split(' as ').at(-1) as string);
    }
  }
  return { values: values.sort(), types: types.sort(), star: /export (type )?\*/.test(text) };
}

describe.each(Object.entries(ENTRIES))('the %s entry point', (_entry, expected) => {
  it('lists its exports by name (no export *) and exports exactly the pinned names', () => {
    const found = exportedNames(expected.source);
    expect(found.star).toBe(false);
    expect(found.values).toEqual([...expected.values].sort());
    expect(found.types).toEqual([...expected.types].sort());
    expect(Object.keys(expected.loaded).sort()).toEqual([...expected.values].sort());
  });
});

// Every name is a class, a guard, or a parameter or result type of a public method; sync adds its error, options
// and reports, tracing runWithEthoraRequestId and EthoraRateLimitState (docs/decisions.md, "Exports").
it('keeps the main entry near 40 names and ./testing under 10', () => {
  const main = ENTRIES['.'];
  expect(main.values.length + main.types.length).toBeLessThanOrEqual(54);
  const testing = ENTRIES['./testing'];
  expect(testing.values.length + testing.types.length).toBeLessThan(10);
});
