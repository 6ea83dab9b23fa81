import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { EthoraQueueModuleExtras, EthoraQueueModuleOptions } from './ethora-queue-options.interface.js';

/** The generated `forRoot` / `forRootAsync`; `EthoraQueueModule` applies `isGlobal` itself on both paths (as the core module does). */
export const {
  ConfigurableModuleClass: EthoraQueueConfigurableModule,
  MODULE_OPTIONS_TOKEN: ETHORA_QUEUE_MODULE_OPTIONS,
  OPTIONS_TYPE: QUEUE_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: QUEUE_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<EthoraQueueModuleOptions>({ moduleName: 'EthoraQueue' })
  .setClassMethodName('forRoot')
  .setExtras<EthoraQueueModuleExtras>({ isGlobal: false }, (definition) => definition)
  .build();
