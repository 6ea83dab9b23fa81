import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { emulatorSigningKey, type SigningMode, type TokenPurpose } from './signing-keys.js';
import type { EmulatorStore } from './emulator-store.js';
import { unauthorized } from './http-error.js';

/** A token that passed every check. @internal */
export interface VerifiedToken {
  type: TokenPurpose;
  appId: string;
  userId?: string;
  keyMode: SigningMode;
  tokenId?: string;
  payload: Record<string, unknown>;
  bothHeaders: boolean;
}

interface KeySet {
  server: KeyObject;
  client: KeyObject;
  legacy: KeyObject;
}

const HS256_HEADER_ALG = 'HS256';
const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Verifies Ethora JWTs (ethora-api.md §2): HS256 only, signed with the purpose-scoped key or
 * (legacy) the raw secret of the app named in `data.appId`, or of the app token named in `data.tokenId`.
 * Derived keys are cached per secret as KeyObjects, so a request costs one or two HMACs.
 * @internal
 */
export class TokenVerifier {
  private readonly keys = new Map<string, KeySet>();

  constructor(private readonly store: EmulatorStore) {}

  /** Reads the token from the headers and checks it. Throws a 401 EmulatorHttpError. */
  authenticate(headers: IncomingHttpHeaders, expected: TokenPurpose): VerifiedToken {
    const { token, bothHeaders } = extractToken(headers);
    const verified = this.verify(token, bothHeaders);
    if (verified.type !== expected) {
      throw unauthorized('WRONG_TOKEN_TYPE', `this route needs a ${expected} token, got a ${verified.type} token`);
    }
    return verified;
  }

  private verify(token: string, bothHeaders: boolean): VerifiedToken {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) throw unauthorized('MALFORMED_TOKEN', 'the token is not a JWT');
    const [head, body, signature] = parts as [string, string, string];
    const header = decodeSegment(head);
    if (header.alg !== HS256_HEADER_ALG) throw unauthorized('UNSUPPORTED_ALGORITHM', 'only HS256 tokens are accepted');
    const payload = decodeSegment(body);
    const data = payload.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw unauthorized('INVALID_TOKEN', 'the token has no data claim');
    const { type, appId, userId } = data as Record<string, unknown>;
    if (type !== 'server' && type !== 'client') throw unauthorized('INVALID_TOKEN_TYPE', 'data.type must be "server" or "client"');
    if (typeof appId !== 'string' || !appId) throw unauthorized('INVALID_TOKEN', 'data.appId is missing');
    const app = this.store.apps.get(appId);
    if (!app) throw unauthorized('APP_NOT_FOUND', 'the token names an unknown app');

    // An app token (POST /v2/apps/{appId}/tokens) names its id and is signed with its own secret, so
    // revoking or rotating it ends it at once; any other token is signed with the app secret.
    const tokenId = (data as Record<string, unknown>).tokenId;
    const apiToken = typeof tokenId === 'string' ? app.tokens.get(tokenId) : undefined;
    if (tokenId !== undefined && !apiToken) throw unauthorized('TOKEN_REVOKED', 'the app token was revoked or never existed');
    const signed = Buffer.from(`${head}.${body}`);
    const expectedSig = Buffer.from(signature, 'base64url');
    let match: { keyMode: SigningMode; tokenId?: string } | undefined;
    if (expectedSig.length === 32) {
      match = this.matchSecret(apiToken ? apiToken.secret : app.secret, type, signed, expectedSig);
      if (match && apiToken) match = { ...match, tokenId: apiToken.tokenId };
    }
    if (!match) throw unauthorized('INVALID_SIGNATURE', 'the token signature does not match');

    const now = Date.now() / 1000;
    if (payload.exp !== undefined && (typeof payload.exp !== 'number' || payload.exp <= now)) {
      throw unauthorized('TOKEN_EXPIRED', 'the token has expired');
    }
    if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > now)) {
      throw unauthorized('TOKEN_NOT_ACTIVE', 'the token is not valid yet');
    }
    if (type === 'client' && (typeof userId !== 'string' || !userId)) throw unauthorized('INVALID_TOKEN', 'data.userId is missing');
    return { type, appId, userId: type === 'client' ? (userId as string) : undefined, ...match, payload, bothHeaders };
  }

  private matchSecret(secret: string, purpose: TokenPurpose, signed: Buffer, sig: Buffer): { keyMode: SigningMode } | undefined {
    const keys = this.keySet(secret);
    if (timingSafeEqual(hmac(keys[purpose], signed), sig)) return { keyMode: 'scoped' };
    if (timingSafeEqual(hmac(keys.legacy, signed), sig)) return { keyMode: 'legacy' };
    return undefined;
  }

  private keySet(secret: string): KeySet {
    let set = this.keys.get(secret);
    if (!set) {
      if (this.keys.size > 1000) this.keys.clear(); // rotated secrets pile up; keep the cache bounded
      const key = (purpose: TokenPurpose, mode: SigningMode) => createSecretKey(Buffer.from(emulatorSigningKey(secret, purpose, mode), 'utf8'));
      set = { server: key('server', 'scoped'), client: key('client', 'scoped'), legacy: key('server', 'legacy') };
      this.keys.set(secret, set);
    }
    return set;
  }
}

/**
 * Takes the token as Ethora's clients send it (ethora-api.md §7.2): from `x-custom-token` and/or
 * `Authorization`, each with an optional `Bearer ` or `JWT ` prefix (case-insensitive). When both headers
 * are present, `x-custom-token` wins: the official SDK's README calls it the primary header.
 * @internal
 */
export function extractToken(headers: IncomingHttpHeaders): { token: string; bothHeaders: boolean } {
  const custom = stripScheme(headers['x-custom-token']);
  const authorization = stripScheme(headers.authorization);
  const token = custom ?? authorization;
  if (!token) throw unauthorized('UNAUTHORIZED', 'no token: send x-custom-token and/or Authorization: Bearer <jwt>');
  return { token, bothHeaders: Boolean(custom && authorization) };
}

const SCHEME = /^(?:bearer|jwt)\s+/i;

function stripScheme(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const token = value.trim().replace(SCHEME, '').trim();
  return token || undefined;
}

/** Signs an HS256 JWT with node:crypto. @internal */
export function signJwt(payload: Record<string, unknown>, key: string): string {
  const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const sig = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

function hmac(key: KeyObject, data: Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function decodeSegment(segment: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw unauthorized('MALFORMED_TOKEN', 'the token is not a JWT');
}
