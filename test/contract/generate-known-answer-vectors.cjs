// Regenerates test/fixtures/known-answer-vectors.json from the official SDK (@ethora/sdk-backend), with a
// fixed secret, app id, user id and clock. Run: node test/contract/generate-known-answer-vectors.cjs
// The values are what another implementation produced: the library and the emulator are checked against them.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const input = {
  appSecret: 'kav-secret-3f9c1a7e5b2d4086',
  appId: '64b7c0ffee0123456789abcd',
  userId: 'kav-user-42',
  iat: 1767225600, // 2026-01-01T00:00:00Z
};

// The SDK keeps its key derivation private, so the key it hands to jsonwebtoken is recorded on the way.
const jsonwebtoken = require(require.resolve('jsonwebtoken', { paths: [require.resolve('@ethora/sdk-backend')] }));
const realSign = jsonwebtoken.sign;
const usedKeys = [];
jsonwebtoken.sign = (payload, key, options) => {
  usedKeys.push(key);
  return realSign(payload, key, options);
};
const realNow = Date.now;
Date.now = () => input.iat * 1000; // jsonwebtoken takes iat from Date.now()
process.env.NODE_ENV = 'production'; // silences the SDK's debug lines
const sdk = require('@ethora/sdk-backend');
const secrets = { chatApiUrl: 'http://127.0.0.1:1', chatAppId: input.appId, chatAppSecret: input.appSecret };
const serverToken = sdk.createServerToken(secrets);
const clientToken = sdk.createClientToken(input.userId, secrets);
Date.now = realNow;
jsonwebtoken.sign = realSign;
const keys = { server: usedKeys[0], client: usedKeys[1] };

const vectors = {
  source: `@ethora/sdk-backend ${require('@ethora/sdk-backend/package.json').version} createServerToken / createClientToken`,
  input,
  keys,
  serverToken,
  clientToken,
};
writeFileSync(join(__dirname, '..', 'fixtures', 'known-answer-vectors.json'), `${JSON.stringify(vectors, null, 2)}\n`);
