// 1. Client tokens per second: ours (EthoraTokenService.createClientToken from dist) against
//    jsonwebtoken.sign(payload, secretString) (the official SDK's way) and a floor of raw HS256 with node:crypto.
import { createHmac, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { fmt, medianOf, time } from './support/measure.mjs';

const TOKENS = 20_000;
const SDK_TOKENS = 2_000; // jsonwebtoken with a string secret is slow; fewer iterations, same per-token rate
const SIGNING_NOTE =
  'createClientToken signs with a key object made once and a header and claim layout prepared per app; ' +
  'a miss here means per-token work crept back in (see lib/tokens/hs256-signer.ts).';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export async function benchTokens({ lib, tokens, appId, appSecret }) {
  // The same key string ours signs client tokens with (scoped mode, ethora-api.md §2), so all three sign with one key.
  const keyString = createHmac('sha256', appSecret).update('ethora:client:v1').digest('hex');
  const keyObject = createSecretKey(Buffer.from(keyString));
  const ttl = 900;
  const claims = (userId) => {
    const now = Math.floor(Date.now() / 1000);
    return { data: { type: 'client', userId, appId }, iat: now - 5, exp: now + ttl };
  };

  const rate = async (count, sign) =>
    medianOf(async () => {
      let sink = 0;
      const ms = await time(() => {
        for (let i = 0; i < count; i++) sink += sign(`user-${i}`).length;
      });
      if (sink === 0) throw new Error('no tokens');
      return (count / ms) * 1000;
    });

  const ours = await rate(TOKENS, (userId) => tokens.createClientToken(userId));
  const sdk = await rate(SDK_TOKENS, (userId) => jwt.sign(claims(userId), keyString));
  const floor = await rate(TOKENS, (userId) => {
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims(userId))).toString('base64url')}`;
    return `${body}.${createHmac('sha256', keyObject).update(body).digest('base64url')}`;
  });

  // Sanity: ours verifies with the same key as the baselines use.
  jwt.verify(tokens.createClientToken('check'), keyString, { algorithms: ['HS256'] });

  return [
    {
      name: 'Client tokens/s vs jsonwebtoken.sign(payload, secretString)',
      value: `${fmt.int(ours)}/s vs ${fmt.int(sdk)}/s`,
      ratio: ours / sdk,
      target: '≥ 50×',
      pass: ours / sdk >= 50,
      missNote: SIGNING_NOTE,
    },
    {
      name: 'Client tokens/s vs raw createHmac HS256 (floor)',
      value: `${fmt.int(ours)}/s vs ${fmt.int(floor)}/s`,
      ratio: ours / floor,
      target: '≥ 0.5×',
      pass: ours / floor >= 0.5,
      missNote: SIGNING_NOTE,
    },
  ];
}
