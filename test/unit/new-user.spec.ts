import { describe, expect, it } from '@jest/globals';
import { EthoraArgumentError } from '../../lib/errors/index.js';
import { buildNewUser } from '../../lib/edge/new-user.js';

const appId = '65a1b2c3d4e5f60718293a4b';

describe('buildNewUser', () => {
  it('splits a display name into first and last name', () => {
    const user = buildNewUser('u1', { displayName: 'Ada King Lovelace' }, appId);
    expect(user).toMatchObject({ uuid: 'u1', firstName: 'Ada', lastName: 'King Lovelace' });
  });

  it('lets explicit names win over the display name', () => {
    expect(buildNewUser('u1', { displayName: 'Ada Lovelace', lastName: 'Byron' }, appId)).toMatchObject({ firstName: 'Ada', lastName: 'Byron' });
  });

  it('pads 1-character names and defaults missing ones, since Ethora wants 2+', () => {
    expect(buildNewUser('u1', { firstName: 'Q', lastName: ' ' }, appId)).toMatchObject({ firstName: 'Q.', lastName: 'User' });
    expect(buildNewUser('u1', undefined, appId)).toMatchObject({ firstName: 'Chat', lastName: 'User' });
  });

  it('derives the same default email on every call, and a fresh random password', () => {
    const a = buildNewUser('u1', {}, appId);
    const b = buildNewUser('u1', {}, appId);
    expect(a.email).toBe(`u1@${appId}.example.com`);
    expect(b.email).toBe(a.email);
    expect(a.password).not.toBe(b.password);
    expect(a.password.length).toBeGreaterThanOrEqual(32);
    expect(a.password).not.toContain('u1');
  });

  it('keeps extra fields and refuses a uuid other than the userId', () => {
    expect(buildNewUser('u1', { locale: 'en' }, appId)).toMatchObject({ locale: 'en' });
    expect(() => buildNewUser('u1', { uuid: 'u2' }, appId)).toThrow(/userData\.uuid/);
  });

  it('names the bad field', () => {
    expect(() => buildNewUser('u1', { email: 'nope' }, appId)).toThrow(EthoraArgumentError);
    expect(() => buildNewUser('u1', { email: 'nope' }, appId)).toThrow(/userData\.email/);
    expect(() => buildNewUser('u1', { firstName: 7 }, appId)).toThrow(/userData\.firstName/);
    expect(() => buildNewUser('u1', 'x', appId)).toThrow(/userData/);
  });
});
