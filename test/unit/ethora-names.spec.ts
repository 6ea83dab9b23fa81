import { describe, expect, it } from '@jest/globals';
import { EthoraNames } from '../../lib/contract/ethora-names.js';

const appId = '65a1b2c3d4e5f60718293a4b';
const names = new EthoraNames(appId, 'xmpp.chat.ethora.com');

describe('EthoraNames', () => {
  it('builds full and short room names', () => {
    expect(names.chatName('room-1')).toBe(`${appId}_room-1@conference.xmpp.chat.ethora.com`);
    expect(names.chatName('room-1', false)).toBe(`${appId}_room-1`);
  });

  it('never prefixes twice', () => {
    expect(names.prefixed(`${appId}_alice`)).toBe(`${appId}_alice`);
    expect(names.chatName(`${appId}_room`, false)).toBe(`${appId}_room`);
  });

  it('takes the local part of a JID as the xmpp username', () => {
    expect(names.xmppUsername('bot@xmpp.chat.ethora.com')).toBe(`${appId}_bot`);
    expect(names.xmppUsername(`${appId}_bot@xmpp.chat.ethora.com`)).toBe(`${appId}_bot`);
    expect(names.xmppUsername('alice')).toBe(`${appId}_alice`);
  });
});
