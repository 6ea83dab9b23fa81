import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { EthoraTokenError } from '../../lib/index.js';
import { deriveSigningKey } from '../../lib/tokens/signing-key.js';
import { createEthoraTestContext, type EthoraTestContext } from '../support/ethora-test-context.js';

describe('client tokens', () => {
  let ctx: EthoraTestContext;

  beforeEach(async () => {
    ctx = await createEthoraTestContext();
  });
  afterEach(() => ctx.close());

  async function exchange(token: string): Promise<Response> {
    return fetch(`${ctx.emulator.url}/v1/users/client`, { method: 'POST', headers: { 'x-custom-token': token } });
  }

  it('mints a scoped client token that expires after 15 minutes by default, back-dating iat', () => {
    const now = Math.floor(Date.now() / 1000);
    const token = ctx.service.createChatUserJwtToken('alice');
    const claims = jwt.verify(token, deriveSigningKey(ctx.emulator.appSecret, 'client'), { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(claims.data).toEqual({ type: 'client', userId: 'alice', appId: ctx.emulator.appId });
    expect(claims.exp! - now).toBeGreaterThanOrEqual(899);
    expect(claims.exp! - now).toBeLessThanOrEqual(901);
    expect(now - claims.iat!).toBeGreaterThanOrEqual(4);
  });

  it('carries the plain user id when given the <appId>_ form', () => {
    const token = ctx.service.createChatUserJwtToken(`${ctx.emulator.appId}_alice`);
    expect(ctx.tokens.verifyClientToken(token).data.userId).toBe('alice');
  });

  it('takes a per-token lifetime', () => {
    const claims = jwt.decode(ctx.service.createChatUserJwtToken('alice', { expiresInSeconds: 60 })) as jwt.JwtPayload;
    expect(claims.exp! - claims.iat!).toBe(65);
    expect(() => ctx.service.createChatUserJwtToken('alice', { expiresInSeconds: 0 })).toThrow(/options.expiresInSeconds/);
  });

  it('is accepted by the chat component exchange for a known user, and refused for an unknown one', async () => {
    await ctx.service.createUser('alice');
    expect((await exchange(ctx.service.createChatUserJwtToken('alice'))).status).toBe(200);
    const unknown = await exchange(ctx.service.createChatUserJwtToken('stranger'));
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('verifies tokens it issued and refuses tampered, foreign and expired ones', () => {
    const token = ctx.tokens.createClientToken('alice');
    expect(ctx.tokens.verifyClientToken(token).data.userId).toBe('alice');
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(() => ctx.tokens.verifyClientToken(tampered)).toThrow(EthoraTokenError);
    const foreign = jwt.sign({ data: { type: 'client', userId: 'x', appId: 'ffffffffffffffffffffffff' } }, deriveSigningKey(ctx.emulator.appSecret, 'client'));
    expect(() => ctx.tokens.verifyClientToken(foreign)).toThrow(/another app/);
    const server = ctx.tokens.getServerToken();
    expect(() => ctx.tokens.verifyClientToken(server)).toThrow(EthoraTokenError);
    const expired = jwt.sign({ data: { type: 'client', userId: 'x', appId: ctx.emulator.appId }, exp: Math.floor(Date.now() / 1000) - 600 }, deriveSigningKey(ctx.emulator.appSecret, 'client'));
    expect(() => ctx.tokens.verifyClientToken(expired)).toThrow(/expired/);
    try {
      ctx.tokens.verifyClientToken(tampered);
    } catch (error) {
      expect((error as Error).message).not.toContain(tampered);
    }
  });

  it('signs with the raw secret in legacy mode, which the server also accepts', async () => {
    await ctx.close();
    ctx = await createEthoraTestContext({ signingMode: 'legacy' });
    await ctx.service.createChatRoom('legacy-room');
    expect(ctx.emulator.requests[0].auth).toMatchObject({ keyMode: 'legacy' });
    const claims = jwt.verify(ctx.service.createChatUserJwtToken('a'), ctx.emulator.appSecret) as jwt.JwtPayload;
    expect(claims.data.type).toBe('client');
  });
});
