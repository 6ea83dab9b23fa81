import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import type { EthoraNames } from '../contract/ethora-names.js';
import type { BroadcastOptions } from '../interfaces/ethora-apps.interface.js';
import type { WaitForJobOptions } from '../interfaces/ethora-jobs.interface.js';
import { assertWaitOptions } from './wait-options.js';
import { readIdList } from './arguments.js';
import { assertObject, assertText } from './request-arguments.js';

/** Most rooms one broadcast names. Ethora documents no cap; this keeps a body well under common size limits. */
const MAX_BROADCAST_ROOMS = 1_000;

const TARGETS = ['allRooms', 'chatIds', 'chatNames'] as const;

/** What `POST /v2/apps/{appId}/chats/broadcast` is sent. */
export type BroadcastBody = { text: string; allRooms: true } | { text: string; chatNames: string[] };

/**
 * Checks a broadcast request (non-blank `text`, exactly one target) and builds its body. Rooms are always sent
 * as `chatNames` in the target app's `<appId>_<chatId>` form: `chatIds` are prefixed here, and `chatNames`
 * that lack the prefix get it, so the server never has to guess which form it was given.
 */
export function buildBroadcastBody(names: EthoraNames, request: unknown): BroadcastBody {
  assertObject(request, 'request');
  assertText(request.text, 'request.text');
  const given = TARGETS.filter((target) => request[target] !== undefined);
  if (given.length !== 1) {
    throw new EthoraArgumentError('request', `must name exactly one target: allRooms, chatIds or chatNames (got ${given.length ? given.join(', ') : 'none'})`);
  }
  const [target] = given;
  if (target === 'allRooms') {
    if (request.allRooms !== true) throw new EthoraArgumentError('request.allRooms', 'must be true when given');
    return { text: request.text, allRooms: true };
  }
  const ids = readIdList(request[target], `request.${target}`, { appId: names.appId, max: MAX_BROADCAST_ROOMS });
  return { text: request.text, chatNames: ids.map((id) => names.chatName(id, false)) };
}

/** How `broadcast` waits: absent or `true` → the module's defaults; an object → those options; `false` → not at all. */
export function readBroadcastWait(options: unknown): WaitForJobOptions | false {
  if (options === undefined) return {};
  assertObject(options, 'options');
  const { wait } = options as BroadcastOptions;
  if (wait === undefined || wait === true) return {};
  if (wait === false) return false;
  assertWaitOptions(wait, 'options.wait');
  return wait;
}
