import { Inject, Injectable } from '@nestjs/common';
import { ETHORA_CHAT_RESOLVED_OPTIONS } from '../ethora-chat.constants.js';
import { EthoraNames } from '../contract/ethora-names.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { appIdOrDefault } from '../validation/request-arguments.js';

/**
 * The app a call acts on: its id, its naming rules (`<appId>_<id>`), and whether the call goes through the
 * app-scoped `/v2/apps/{appId}/...` twins (`true`) or the configured app's own routes (`false`).
 * @internal
 */
export interface EthoraAppScope {
  readonly appId: string;
  readonly names: EthoraNames;
  readonly appScoped: boolean;
}

/**
 * Builds scopes: the configured app through its own routes, or any app (a child app by default) through
 * the `/v2/apps/{appId}` routes. Names of another app are prefixed with that app's id.
 * @internal
 */
@Injectable()
export class EthoraAppScopes {
  private readonly ownScope: EthoraAppScope;

  constructor(@Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions) {
    this.ownScope = { appId: options.appId, names: new EthoraNames(options.appId, options.xmppHost), appScoped: false };
  }

  /** The configured app, through its own routes (`/v2/chats`, `/v1/users/batch`, ...). */
  own(): EthoraAppScope {
    return this.ownScope;
  }

  /** `appId` (validated; the configured app when undefined), through the `/v2/apps/{appId}/...` routes. */
  app(appId: unknown, argument = 'appId'): EthoraAppScope {
    const id = this.appId(appId, argument);
    const names = id === this.ownScope.appId ? this.ownScope.names : new EthoraNames(id, this.options.xmppHost);
    return { appId: id, names, appScoped: true };
  }

  /** A validated app id; the configured app when `appId` is undefined. */
  appId(appId: unknown, argument = 'appId'): string {
    return appIdOrDefault(appId, this.ownScope.appId, argument);
  }
}
