import jwt from 'jsonwebtoken';
import { deriveSigningKey, type SigningMode } from '../../lib/tokens/signing-key.js';
import { afterEach, beforeEach } from '@jest/globals';
import { EthoraEmulator as EthoraEmulatorClass, type EthoraEmulator } from '../../lib/testing/emulator/index.js';

/** Helpers for the emulator's own contract tests: real HTTP with fetch, JWTs signed by jsonwebtoken. */

export interface TokenSpec {
  appId?: string;
  secret?: string;
  mode?: SigningMode;
  type?: 'server' | 'client';
  userId?: string;
  /** Seconds from now; negative = expired. */
  exp?: number;
}

/** Signs an Ethora JWT independently of the emulator's own signer. */
export function signToken(emulator: EthoraEmulator, spec: TokenSpec = {}): string {
  const type = spec.type ?? 'server';
  const appId = spec.appId ?? emulator.appId;
  const secret = spec.secret ?? emulator.appSecret;
  const data = type === 'client' ? { type, userId: spec.userId, appId } : { type, appId };
  const payload: Record<string, unknown> = { data };
  if (spec.exp !== undefined) payload.exp = Math.floor(Date.now() / 1000) + spec.exp;
  return jwt.sign(payload, deriveSigningKey(secret, type, spec.mode ?? 'scoped'), { algorithm: 'HS256' });
}

export interface CallOptions {
  body?: unknown;
  /** A JWT for both headers; `null` sends none; default: a scoped server token of the primary app. */
  token?: string | null;
  headers?: Record<string, string>;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

/** One HTTP call to the emulator. */
export async function call(emulator: EthoraEmulator, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? signToken(emulator) : options.token;
  if (token) {
    headers.authorization = `Bearer ${token}`;
    headers['x-custom-token'] = token;
  }
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  const res = await fetch(`${emulator.url}${path}`, { method, headers, body, signal: options.signal });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a plain-text body
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** A valid batch user. */
export function newUser(uuid: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { uuid, email: `${uuid}@test.local`, firstName: 'Ann', lastName: 'Lee', password: 'hunter2-secret', ...extra };
}

/** Waits a little, between polls. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Creates users through the batch route and polls the job to completion; returns the per-user results. */
export async function createUsers(emulator: EthoraEmulator, uuids: string[], appId = emulator.appId, token?: string): Promise<any[]> {
  const created = await call(emulator, 'POST', `/v2/apps/${appId}/users/batch`, {
    token,
    body: { bypassEmailConfirmation: true, usersList: uuids.map((u) => newUser(u)) },
  });
  if (created.status !== 202) throw new Error(`batch failed: ${created.status} ${created.text}`);
  for (let i = 0; i < 1_000; i++) {
    const job = await call(emulator, 'GET', created.body.statusUrl, { token });
    if (job.body.state === 'completed') return job.body.result.results;
    if (job.body.state === 'failed') throw new Error('job failed');
    await pause(5);
  }
  throw new Error('job never completed');
}

/** Starts a fresh emulator before each test and stops it after; call inside `describe`. */
export function freshEmulatorPerTest(): { readonly emulator: EthoraEmulator; readonly appId: string } {
  let current: EthoraEmulator | undefined;
  beforeEach(async () => {
    current = await new EthoraEmulatorClass().start();
  });
  afterEach(() => current?.stop());
  return {
    get emulator() {
      return current as EthoraEmulator;
    },
    get appId() {
      return (current as EthoraEmulator).appId;
    },
  };
}
