import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ETHORA_CHAT_ENV_VARS, ETHORA_CHAT_RANGES, ETHORA_CHAT_RESOLVED_OPTIONS } from '../ethora-chat.constants.js';
import { EthoraArgumentError } from '../errors/ethora-argument.error.js';
import { EthoraConfigError } from '../errors/ethora-config.error.js';
import { EthoraTokenError } from '../errors/ethora-token.error.js';
import type { ClientTokenOptions, EthoraClientTokenClaims } from '../interfaces/ethora-tokens.interface.js';
import type { ResolvedEthoraChatOptions } from '../options/resolved-options.interface.js';
import { assertOptionalObject, assertPositiveInteger, readId } from '../edge/arguments.js';
import { Hs256Signer } from './hs256-signer.js';
import { deriveSigningKey } from './signing-key.js';

interface CachedToken {
  token: string;
  renewAfterMs: number;
}

/** What the app secret gives: the prepared signers and the client verification key. */
interface SigningKeys {
  readonly server: Hs256Signer;
  readonly client: Hs256Signer;
  readonly clientVerifyKey: string;
}

/**
 * Mints and verifies Ethora JWTs (HS256, ethora-api.md §2); verification goes through `@nestjs/jwt`.
 * Keys are derived and turned into key objects once, and what is constant per app (header, claim layout,
 * app id) is prepared once: turning a secret string into a key on every call is what made the official
 * SDK slow. The server token is cached until shortly before it expires.
 * Keys live in private fields, so `util.inspect(service)` shows none of them. Without an `appSecret` (an app
 * configured with `appToken` only) there is nothing to sign with: minting and verifying throw `EthoraConfigError`.
 */
@Injectable()
export class EthoraTokenService {
  readonly #keys?: SigningKeys;
  readonly #serverClaims: string;
  readonly #clientClaimsAppPart: string;
  #serverToken?: CachedToken;
  // Server clock minus ours, in ms, learned from a 401's `Date` header: token times follow the server's clock.
  #clockOffsetMs = 0;

  constructor(
    @Inject(ETHORA_CHAT_RESOLVED_OPTIONS) private readonly options: ResolvedEthoraChatOptions,
    private readonly jwt: JwtService,
  ) {
    const secret = options.appSecret?.reveal();
    if (secret !== undefined) {
      const clientVerifyKey = deriveSigningKey(secret, 'client', options.signingMode);
      const server = new Hs256Signer(deriveSigningKey(secret, 'server', options.signingMode));
      this.#keys = { server, client: new Hs256Signer(clientVerifyKey), clientVerifyKey };
    }
    this.#serverClaims = `{"data":${JSON.stringify({ appId: options.appId, type: 'server' })}`;
    this.#clientClaimsAppPart = `,"appId":${JSON.stringify(options.appId)}}`;
  }

  /**
   * The server token sent on every API call: `{ data: { appId, type: 'server' } }`, valid
   * `serverTokenTtlSeconds`. The same token is returned until a quarter of its life (at most 60 s) is left.
   * @throws EthoraConfigError when no `appSecret` is configured.
   */
  getServerToken(): string {
    const keys = this.keys('signing the server token');
    const now = Date.now();
    if (this.#serverToken && now < this.#serverToken.renewAfterMs) return this.#serverToken.token;
    const ttl = this.options.serverTokenTtlSeconds;
    const token = keys.server.sign(this.#serverClaims + this.timeClaims(ttl, now + this.#clockOffsetMs));
    const margin = Math.min(60, Math.floor(ttl / 4));
    this.#serverToken = { token, renewAfterMs: now + (ttl - margin) * 1000 };
    return token;
  }

  /**
   * Forgets the cached server token after Ethora refused it (401), so the next call mints a new one. When the
   * refusal carried the server's `Date` header, later tokens are dated by the server's clock: a server running
   * ahead would otherwise see every token expire early (and reject it) for part of each cycle.
   * @internal
   */
  dropServerToken(refused: string, serverDate?: string): void {
    if (this.#serverToken?.token === refused) this.#serverToken = undefined;
    const serverMs = serverDate ? Date.parse(serverDate) : Number.NaN;
    // The Date header has 1 s resolution: only a bigger gap is skew.
    if (Number.isFinite(serverMs) && Math.abs(serverMs - Date.now()) > 2_000) this.#clockOffsetMs = serverMs - Date.now();
  }

  /**
   * A client token for `userId`, to hand to Ethora's chat component: `{ data: { type: 'client', userId, appId } }`.
   * Expires after `options.expiresInSeconds`, default `clientTokenTtlSeconds` (900 s).
   * @throws EthoraArgumentError for a bad `userId` or lifetime; EthoraConfigError when no `appSecret` is configured.
   */
  createClientToken(userIdArgument: string, options?: ClientTokenOptions): string {
    const keys = this.keys('minting client tokens');
    // The token carries the plain id: a `<appId>_` prefix is stripped once, as everywhere else.
    const userId = readId(userIdArgument, 'userId', this.options.appId);
    assertOptionalObject(options as unknown, 'options');
    const ttl = options?.expiresInSeconds ?? this.options.clientTokenTtlSeconds;
    assertPositiveInteger(ttl, 'options.expiresInSeconds');
    const maxTtl = ETHORA_CHAT_RANGES.clientTokenTtlSeconds[1];
    if (ttl > maxTtl) throw new EthoraArgumentError('options.expiresInSeconds', `must be at most ${maxTtl} (24 hours), got ${ttl}`);
    const data = `{"data":{"type":"client","userId":${JSON.stringify(userId)}${this.#clientClaimsAppPart}`;
    return keys.client.sign(data + this.timeClaims(ttl, Date.now() + this.#clockOffsetMs));
  }

  /**
   * Verifies a client token this app issued (signature, expiry, `type: 'client'`, this `appId`) and returns its claims.
   * @throws EthoraTokenError saying why it is not valid (never quoting the token); EthoraConfigError without `appSecret`.
   */
  verifyClientToken(token: string): EthoraClientTokenClaims {
    const keys = this.keys('verifying client tokens');
    let claims: EthoraClientTokenClaims;
    try {
      claims = this.jwt.verify<EthoraClientTokenClaims>(token, {
        secret: keys.clientVerifyKey,
        algorithms: ['HS256'],
        clockTolerance: this.options.clockSkewSeconds,
      });
    } catch (error) {
      throw new EthoraTokenError(`Client token rejected: ${(error as Error).message}`);
    }
    if (claims?.data?.type !== 'client' || typeof claims.data.userId !== 'string') {
      throw new EthoraTokenError('Client token rejected: data.type is not "client" or data.userId is missing');
    }
    if (claims.data.appId !== this.options.appId) {
      throw new EthoraTokenError('Client token rejected: it was issued for another app');
    }
    return claims;
  }

  private keys(purpose: string): SigningKeys {
    if (this.#keys) return this.#keys;
    throw new EthoraConfigError(
      'appSecret',
      ETHORA_CHAT_ENV_VARS.appSecret,
      `is not set, and ${purpose} needs it: an app token cannot sign tokens. Set the app secret from the Ethora admin panel.`,
    );
  }

  // The end of the claims object: iat back-dated against clock skew between us and Ethora; exp counts from now.
  private timeClaims(ttlSeconds: number, nowMs: number): string {
    const now = Math.floor(nowMs / 1000);
    return `,"iat":${now - this.options.clockSkewSeconds},"exp":${now + ttlSeconds}}`;
  }
}
