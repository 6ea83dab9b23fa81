import { Inject, Injectable } from '@nestjs/common';
import { ETHORA_CHAT_ENV_VARS, ETHORA_CHAT_RESOLVED_OPTIONS } from '../ethora-chat.constants.js';
import { EthoraConfigError } from '../errors/ethora-config.error.js';
import type { EthoraRoute } from '../http/ethora-routes.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { EthoraTokenService } from '../tokens/ethora-token.service.js';

/**
 * Which credential a request carries, and its headers: the only place that decides. With an app secret,
 * every route gets the cached server JWT (`Authorization: Bearer <jwt>` and `x-custom-token: <jwt>`).
 * App-token routes (`/v2/chats/messages`, `/v2/chats/history`), and every route when there is no secret, get
 * the app token exactly as configured (e.g. `JWT ...`) in both headers, as Ethora's own clients send it (§7.2).
 * @internal
 */
@Injectable()
export class EthoraCredentials {
  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    private readonly tokens: EthoraTokenService,
  ) {}

  /**
   * The auth headers of one request.
   * @throws EthoraConfigError when the route needs the app token and none is configured (nothing is sent).
   */
  headersFor(route: EthoraRoute): Record<string, string> {
    if (route.auth !== 'appToken' && this.options.appSecret) {
      const jwt = this.tokens.getServerToken();
      return { Authorization: `Bearer ${jwt}`, 'x-custom-token': jwt };
    }
    const appToken = this.options.appToken?.reveal();
    if (appToken === undefined) {
      throw new EthoraConfigError(
        'appToken',
        ETHORA_CHAT_ENV_VARS.appToken,
        `is not set, and ${route.method} ${route.path} accepts only the app token. Set it to an app token from the Ethora admin panel (or createAppToken).`,
      );
    }
    return { Authorization: appToken, 'x-custom-token': appToken };
  }

  /**
   * After a 401 to `refused`: forgets the cached server JWT (learning clock skew from the server's `Date`
   * header) and says whether a fresh credential can be tried. An app token cannot be renewed here.
   */
  renew(route: EthoraRoute, refused: string, serverDate: string | undefined): boolean {
    if (route.auth === 'appToken' || !this.options.appSecret) return false;
    this.tokens.dropServerToken(refused, serverDate);
    return true;
  }
}
