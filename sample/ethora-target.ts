import { Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import type { EthoraChatModuleOptions } from '../lib/index.js';
import { EthoraEmulator } from '../lib/testing/index.js';

/**
 * Where the sample's Ethora calls go, decided in this one file:
 * - `ETHORA_CHAT_API_URL` set: the real Ethora server, configured by `ETHORA_CHAT_APP_ID`, `ETHORA_CHAT_APP_SECRET`,
 *   and optionally `ETHORA_CHAT_BOT_JID` / `ETHORA_CHAT_XMPP_HOST`;
 * - unset: an embedded EthoraEmulator (from the library's `testing` entry point) on a free loopback port, with a
 *   chatbot user already created, so every endpoint works from a fresh checkout. It starts while the app
 *   module initialises (the options factory awaits it), so before the app listens, and stops when the app closes.
 */

/** The chatbot user the sample creates on the emulator (and uses unless `ETHORA_CHAT_BOT_JID` says otherwise). */
export const EMULATOR_CHATBOT_ID = 'ethora-bot';

/** Holds the embedded emulator, when the sample runs on one, and stops it when the app closes. */
@Injectable()
export class EmbeddedEthoraEmulator implements OnApplicationShutdown {
  private readonly logger = new Logger('EthoraTarget');
  private running?: EthoraEmulator;

  /** The running emulator, or undefined when the sample talks to real Ethora. */
  get emulator(): EthoraEmulator | undefined {
    return this.running;
  }

  /**
   * Starts the emulator (once), creates the chatbot user on it, so "add the chatbot" works out of the box,
   * and logs how to reach it.
   */
  async start(chatbotId: string): Promise<EthoraEmulator> {
    if (this.running) return this.running;
    const emulator = await new EthoraEmulator().start();
    this.running = emulator;
    // Seeded straight into the emulator's state: on real Ethora the bot is an existing user managed there.
    // A JID-style ETHORA_CHAT_BOT_JID ("bot@host") names the user by its local part.
    emulator.addUser({ userId: chatbotId.split('@')[0] as string, firstName: 'Ethora', lastName: 'Bot' });
    this.logger.log(`ETHORA_CHAT_API_URL is not set: started the embedded Ethora emulator at ${emulator.url}`);
    this.logger.log(`Emulator app id: ${emulator.appId}`);
    // Printed only because it is the emulator's fixed, public test secret; a real app secret is never logged.
    this.logger.log(`Emulator app secret (throwaway, emulator only): ${emulator.appSecret}`);
    this.logger.log(`Chatbot user on the emulator: ${chatbotId}`);
    return emulator;
  }

  async onApplicationShutdown(): Promise<void> {
    const emulator = this.running;
    this.running = undefined;
    await emulator?.stop();
  }
}

/** Provides {@link EmbeddedEthoraEmulator} to the chat module's options factory. */
@Module({ providers: [EmbeddedEthoraEmulator], exports: [EmbeddedEthoraEmulator] })
export class EthoraTargetModule {}

/**
 * The `EthoraChatModule.forRootAsync` factory: reads the `ETHORA_CHAT_*` vars through `ConfigService`, and falls
 * back to the embedded emulator when no API URL is configured. Missing or malformed values are reported by the
 * library at boot (an `EthoraConfigError` naming the env var), so they are passed through unchecked here.
 */
export async function ethoraChatOptionsFactory(
  config: ConfigService,
  embedded: EmbeddedEthoraEmulator,
): Promise<EthoraChatModuleOptions> {
  const apiUrl = config.get<string>('ETHORA_CHAT_API_URL');
  const chatbotJid = config.get<string>('ETHORA_CHAT_BOT_JID');
  if (apiUrl) {
    return {
      apiUrl,
      appId: config.get<string>('ETHORA_CHAT_APP_ID', ''),
      appSecret: config.get<string>('ETHORA_CHAT_APP_SECRET', ''),
      chatbotJid,
      xmppHost: config.get<string>('ETHORA_CHAT_XMPP_HOST'),
    };
  }
  const emulator = await embedded.start(chatbotJid ?? EMULATOR_CHATBOT_ID);
  return {
    apiUrl: emulator.url,
    appId: emulator.appId,
    appSecret: emulator.appSecret,
    chatbotJid: chatbotJid ?? EMULATOR_CHATBOT_ID,
    xmppHost: emulator.xmppHost,
  };
}
