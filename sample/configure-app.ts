import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EthoraExceptionFilter } from './filters/ethora-exception.filter.js';

/**
 * Applies the app-wide pipes and filters. Shared by `main.ts` and the e2e tests, so the tests exercise the
 * same validation and error mapping as the running sample.
 */
export function configureApp<T extends INestApplication>(app: T): T {
  // whitelist + forbidNonWhitelisted: an unknown field is a 400, not silently dropped; transform: DTO instances.
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new EthoraExceptionFilter(app.get(HttpAdapterHost).httpAdapter));
  return app;
}
