import { brandEthoraError } from './ethora-error-brand.js';

/**
 * A sync would remove more of a room than the caller allowed: more than `maxRemovalShare` of its members
 * (default half), or every one of them (code `mass_removal_refused`). Thrown before anything is written. The
 * message says how many and names the option that allows it; it holds no user ids.
 */
export class EthoraMassRemovalError extends Error {
  override readonly name = 'EthoraMassRemovalError';
  readonly code = 'mass_removal_refused' as const;

  constructor(
    readonly chatId: string,
    /** Members the room had (the chatbot not counted). */
    readonly currentMembers: number,
    /** Members the sync would have removed. */
    readonly wouldRemove: number,
    readonly maxRemovalShare: number,
  ) {
    super(
      wouldRemove === currentMembers
        ? `Refused to sync room "${chatId}": it would remove all ${currentMembers} members (an empty or broken desired list?). ` +
            'Nothing was changed. Pass { allowMassRemoval: true } to empty the room.'
        : `Refused to sync room "${chatId}": it would remove ${wouldRemove} of ${currentMembers} members ` +
            `(${percent(wouldRemove / currentMembers)}), more than maxRemovalShare (${percent(maxRemovalShare)}). ` +
            'Nothing was changed. Check the desired list, then pass { allowMassRemoval: true } or a higher maxRemovalShare.',
    );
    brandEthoraError(this);
  }
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
