import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { EthoraChatModuleExtras, EthoraChatModuleOptions } from './interfaces/ethora-chat-options.interface.js';

/**
 * The generated `forRoot` / `forRootAsync` (useFactory + inject, useClass, useExisting, imports).
 * `isGlobal` is declared here for the types only; `EthoraChatModule` applies it itself on both paths,
 * because `setExtras` sees only the defaults on the async path (nestjs/nest#13372, #15661).
 */
export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: ETHORA_CHAT_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<EthoraChatModuleOptions>({ moduleName: 'EthoraChat' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createEthoraChatOptions')
  .setExtras<EthoraChatModuleExtras>({ isGlobal: false }, (definition) => definition)
  .build();
