import { describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import jwt from 'jsonwebtoken';
import { Hs256Signer } from '../../lib/tokens/hs256-signer.js';

describe('Hs256Signer', () => {
  const key = 'a'.repeat(64);
  const claims = { data: { type: 'client', userId: 'ü-"quoted"', appId: '65a1b2c3d4e5f60718293a4b' }, iat: 1_700_000_000, exp: 4_000_000_000 };
  const token = new Hs256Signer(key).sign(JSON.stringify(claims));

  it('makes standard HS256 JWTs that jsonwebtoken and @nestjs/jwt verify', () => {
    expect(jwt.verify(token, key, { algorithms: ['HS256'] })).toEqual(claims);
    expect(new JwtService().verify(token, { secret: key, algorithms: ['HS256'] })).toEqual(claims);
    expect(jwt.decode(token, { complete: true })?.header).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('matches jsonwebtoken byte for byte for the same claims', () => {
    expect(token).toBe(jwt.sign(claims, key, { algorithm: 'HS256' }));
  });

  it('is refused under another key', () => {
    expect(() => jwt.verify(token, 'b'.repeat(64))).toThrow(/invalid signature/);
  });
});
