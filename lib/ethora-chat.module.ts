import { HttpModule } from '@nestjs/axios';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { ETHORA_CHAT_ENV_OPTIONS, ETHORA_CHAT_RESOLVED_OPTIONS } from './ethora-chat.constants.js';
import { ethoraChatConfig } from './ethora-chat.config.js';
import {
  ASYNC_OPTIONS_TYPE,
  ConfigurableModuleClass,
  ETHORA_CHAT_MODULE_OPTIONS,
  OPTIONS_TYPE,
} from './ethora-chat.module-definition.js';
import { EthoraAppsService } from './apps/ethora-apps.service.js';
import { EthoraBulkOperations } from './bulk/ethora-bulk-operations.js';
import { EthoraMembershipSync } from './sync/ethora-membership-sync.js';
import { ETHORA_AREA_PROVIDERS } from './ethora-chat.providers.js';
import { EthoraChatService } from './ethora-chat.service.js';
import { EthoraHttpClient } from './http/ethora-http.client.js';
import type { EthoraChatModuleOptions } from './interfaces/ethora-chat-options.interface.js';
import { EthoraJobWaiter } from './jobs/ethora-job-waiter.js';
import { resolveEthoraChatOptions } from './options/resolve-options.js';
import { EthoraTokenService } from './tokens/ethora-token.service.js';
import { EthoraUserBatches } from './users/ethora-user-batches.js';

// Options → validated options (boot fails here on bad config) → token, HTTP and job providers → area classes → the services.
const resolvedOptionsProvider: Provider = {
  provide: ETHORA_CHAT_RESOLVED_OPTIONS,
  useFactory: (options: Partial<EthoraChatModuleOptions>, env?: Partial<EthoraChatModuleOptions>) =>
    resolveEthoraChatOptions({ ...env, ...withoutUndefined(options) }),
  inject: [ETHORA_CHAT_MODULE_OPTIONS, { token: ETHORA_CHAT_ENV_OPTIONS, optional: true }],
};

/**
 * The Ethora chat module. `forRoot(options?)` takes options and fills what is missing from the
 * `ETHORA_CHAT_*` env vars (read through `@nestjs/config`); `forRootAsync(...)` takes them from a
 * factory, a class or an existing provider, e.g. `forRootAsync(ethoraChatConfig.asProvider())`.
 * Both accept `isGlobal`. HTTP (`@nestjs/axios`) and JWT (`@nestjs/jwt`) are composed inside. It provides
 * `EthoraChatService` (the configured app's chat API) and `EthoraAppsService` (tenant administration).
 */
@Module({
  imports: [HttpModule.register({}), JwtModule.register({})],
  providers: [
    resolvedOptionsProvider,
    EthoraTokenService,
    EthoraHttpClient,
    EthoraJobWaiter,
    EthoraUserBatches,
    ...ETHORA_AREA_PROVIDERS,
    EthoraBulkOperations,
    EthoraMembershipSync,
    EthoraChatService,
    EthoraAppsService,
  ],
  exports: [EthoraChatService, EthoraAppsService, EthoraTokenService, ETHORA_CHAT_RESOLVED_OPTIONS],
})
export class EthoraChatModule extends ConfigurableModuleClass {
  /** Registers the module with options; any of `apiUrl`, `appId`, `appSecret`, ... left out is read from env. */
  static override forRoot(options: Partial<typeof OPTIONS_TYPE> = {}): DynamicModule {
    const { isGlobal, ...clientOptions } = options;
    const definition = super.forRoot(clientOptions as typeof OPTIONS_TYPE);
    return {
      ...definition,
      global: isGlobal,
      imports: [...(definition.imports ?? []), ConfigModule.forFeature(ethoraChatConfig)],
      providers: [...(definition.providers ?? []), { provide: ETHORA_CHAT_ENV_OPTIONS, useExisting: ethoraChatConfig.KEY }],
    };
  }

  /** Registers the module with options from a factory (`useFactory` + `inject`), `useClass` or `useExisting`. */
  static override forRootAsync(options: typeof ASYNC_OPTIONS_TYPE): DynamicModule {
    const { isGlobal, ...asyncOptions } = options;
    return { ...super.forRootAsync(asyncOptions as typeof ASYNC_OPTIONS_TYPE), global: isGlobal };
  }
}

function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}
