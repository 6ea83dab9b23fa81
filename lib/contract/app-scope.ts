import type { EthoraNames } from './ethora-names.js';

/**
 * The app a call acts on: its id, its naming rules (`<appId>_<id>`), and whether the call goes through the
 * app-scoped `/v2/apps/{appId}/...` twins (`true`, a child app) or the configured app's own routes (`false`).
 * It sits at the bottom so users/, rooms/ and bulk/ need not reach up into apps/ for it.
 * @internal
 */
export interface EthoraAppScope {
  readonly appId: string;
  readonly names: EthoraNames;
  readonly appScoped: boolean;
}
