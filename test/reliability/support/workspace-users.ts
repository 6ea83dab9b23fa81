import type { BulkUserInput } from '../../../lib/index.js';

/** `count` users of workspace `room`: ids `<room>-u<i>`, unique across rooms. */
export function workspaceUsers(room: string, count: number): BulkUserInput[] {
  return Array.from({ length: count }, (_, i) => ({ userId: `${room}-u${i}`, firstName: 'Member', lastName: `No ${i}` }));
}
