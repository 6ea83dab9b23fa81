import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

/**
 * Starts the sample on `PORT` (default 3000). Without `ETHORA_CHAT_API_URL` it runs against an embedded
 * emulator (see `ethora-target.ts`); with the `ETHORA_CHAT_*` vars set it talks to real Ethora.
 */
async function bootstrap(): Promise<void> {
  const app = configureApp(await NestFactory.create(AppModule));
  // SIGINT/SIGTERM run the shutdown hooks, which stop the embedded emulator.
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  new Logger('Sample').log(`Listening on http://localhost:${port}`);
}

await bootstrap();
