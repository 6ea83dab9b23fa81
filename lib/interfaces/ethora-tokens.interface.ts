/** Options of one client token. */
export interface ClientTokenOptions {
  /** Lifetime in seconds; default the module's `clientTokenTtlSeconds` (900). */
  expiresInSeconds?: number;
}

/** The `data` claim Ethora reads from a client token (ethora-api.md §2). */
export interface EthoraClientTokenData {
  type: 'client';
  userId: string;
  appId: string;
}

/** A verified client token's claims. */
export interface EthoraClientTokenClaims {
  data: EthoraClientTokenData;
  /** Issued at, seconds since the epoch (back-dated by `clockSkewSeconds`). */
  iat: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}
