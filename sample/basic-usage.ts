import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EthoraChatService } from '../lib/index.js';
import { AppModule } from './app.module.js';

/**
 * The library's basic usage as a standalone script (no HTTP server): create a room, create users, grant them
 * access, add the chatbot, mint a client token, clean up. Runs on the embedded emulator unless the
 * `ETHORA_CHAT_*` vars point at real Ethora (see `ethora-target.ts`). Run it with `npm run sample:basic`.
 */
async function main(): Promise<void> {
  const logger = new Logger('BasicUsage');
  const app = await NestFactory.createApplicationContext(AppModule);
  // Closing the context stops the embedded emulator too, so the process can exit.
  try {
    const chat = app.get(EthoraChatService);
    // A per-run suffix keeps runs against a real server from meeting each other's leftovers.
    const run = Date.now().toString(36);
    const chatId = `basic-room-${run}`;
    const userIds = [`alice-${run}`, `bob-${run}`];
    const step = (title: string, result: unknown): void => logger.log(`${title}: ${JSON.stringify(result)}`);

    const room = await chat.createChatRoom(chatId, { title: 'Basic usage room' });
    step('1. createChatRoom', { status: room.status, name: room.name, jid: chat.createChatName(chatId) });
    for (const [userId, firstName] of [[userIds[0], 'Alice'], [userIds[1], 'Bob']] as [string, string][]) {
      const { status, xmppUsername } = await chat.createUser(userId, { firstName, lastName: 'Example' });
      step(`2. createUser ${userId}`, { status, xmppUsername });
    }
    step('3. grantUserAccessToChatRoom', await chat.grantUserAccessToChatRoom(chatId, userIds));
    step('4. grantChatbotAccessToChatRoom', await chat.grantChatbotAccessToChatRoom(chatId));
    const token = chat.createChatUserJwtToken(userIds[0] as string);
    // Only the start of the token: a full client token is a credential and has no place in logs.
    step('5. createChatUserJwtToken (alice)', `${token.slice(0, 16)}… (${token.length} chars)`);
    step('6. deleteUsers', await chat.deleteUsers(userIds));
    step('   deleteChatRoom', await chat.deleteChatRoom(chatId));
    logger.log('Done.');
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  new Logger('BasicUsage').error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
