import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signJwt } from '../../lib/testing/emulator/emulator-auth.js';
import { EthoraEmulator } from '../../lib/testing/emulator/index.js';
import { emulatorSigningKey } from '../../lib/testing/emulator/signing-keys.js';
import { Hs256Signer } from '../../lib/tokens/hs256-signer.js';
import { deriveSigningKey } from '../../lib/tokens/signing-key.js';

/**
 * Known-answer vectors taken from the official SDK (test/contract/generate-known-answer-vectors.cjs):
 * a fixed secret → both scoped keys → a signed server token and a signed client token. The library and
 * the emulator each derive and sign on their own; both must reproduce these bytes, so a wrong
 * derivation on either side cannot hide behind the other.
 */
interface Vectors {
  input: { appSecret: string; appId: string; userId: string; iat: number };
  keys: { server: string; client: string };
  serverToken: string;
  clientToken: string;
}

const vectors = JSON.parse(readFileSync(join(process.cwd(), 'test', 'fixtures', 'known-answer-vectors.json'), 'utf8')) as Vectors;
const { input, keys } = vectors;
/** The claims exactly as the SDK serialised them (JSON key order matters for the signature). */
const claimsOf = (token: string): string => Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8');

describe('known-answer vectors from the official SDK', () => {
  it('pins the inputs the tokens carry', () => {
    expect(JSON.parse(claimsOf(vectors.serverToken))).toEqual({ data: { appId: input.appId, type: 'server' }, iat: input.iat });
    expect(JSON.parse(claimsOf(vectors.clientToken))).toEqual({ data: { type: 'client', userId: input.userId, appId: input.appId }, iat: input.iat });
  });

  describe('the library', () => {
    it('derives both scoped keys', () => {
      expect(deriveSigningKey(input.appSecret, 'server')).toBe(keys.server);
      expect(deriveSigningKey(input.appSecret, 'client')).toBe(keys.client);
    });

    it('signs the server and the client token byte for byte', () => {
      expect(new Hs256Signer(deriveSigningKey(input.appSecret, 'server')).sign(claimsOf(vectors.serverToken))).toBe(vectors.serverToken);
      expect(new Hs256Signer(deriveSigningKey(input.appSecret, 'client')).sign(claimsOf(vectors.clientToken))).toBe(vectors.clientToken);
    });
  });

  describe('the emulator', () => {
    let emulator: EthoraEmulator;
    beforeAll(async () => {
      emulator = await new EthoraEmulator({ appId: input.appId, appSecret: input.appSecret }).start();
      emulator.addUser({ userId: input.userId });
    });
    afterAll(() => emulator.stop());

    it('derives both scoped keys', () => {
      expect(emulatorSigningKey(input.appSecret, 'server')).toBe(keys.server);
      expect(emulatorSigningKey(input.appSecret, 'client')).toBe(keys.client);
    });

    it('signs the same tokens', () => {
      expect(signJwt(JSON.parse(claimsOf(vectors.serverToken)), emulatorSigningKey(input.appSecret, 'server'))).toBe(vectors.serverToken);
      expect(signJwt(JSON.parse(claimsOf(vectors.clientToken)), emulatorSigningKey(input.appSecret, 'client'))).toBe(vectors.clientToken);
    });

    it('accepts the SDK server token as a scoped server credential', async () => {
      const res = await fetch(`${emulator.url}/v2/apps/${input.appId}`, { headers: { 'x-custom-token': vectors.serverToken } });
      expect(res.status).toBe(200);
      expect(emulator.requests.at(-1)?.auth).toMatchObject({ type: 'server', appId: input.appId, keyMode: 'scoped' });
    });

    it('accepts the SDK client token at the client exchange', async () => {
      const res = await fetch(`${emulator.url}/v1/users/client`, { method: 'POST', headers: { 'x-custom-token': vectors.clientToken } });
      expect(res.status).toBe(200);
      expect(emulator.requests.at(-1)?.auth).toMatchObject({ type: 'client', keyMode: 'scoped' });
    });

    it('refuses each token used for the other purpose', async () => {
      const asClient = await fetch(`${emulator.url}/v1/users/client`, { method: 'POST', headers: { 'x-custom-token': vectors.serverToken } });
      expect(asClient.status).toBe(401);
      const asServer = await fetch(`${emulator.url}/v2/apps/${input.appId}`, { headers: { 'x-custom-token': vectors.clientToken } });
      expect(asServer.status).toBe(401);
    });
  });
});
