import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { EthoraChatModule } from '../lib/index.js';
import { UsersController } from './controllers/users.controller.js';
import { WorkspaceMembersController } from './controllers/workspace-members.controller.js';
import { WorkspacesController } from './controllers/workspaces.controller.js';
import { EmbeddedEthoraEmulator, EthoraTargetModule, ethoraChatOptionsFactory } from './ethora-target.js';
import { WorkspaceService } from './workspaces/workspace.service.js';

/**
 * The Ethora module as the sample registers it: options from `ConfigService` (the `ETHORA_CHAT_*` vars), or the
 * embedded emulator when none are set (see `ethora-target.ts`). Exported as a value because
 * `overrideModule()` matches a dynamic module by identity: tests replace exactly this object.
 */
export const ethoraChatModule = EthoraChatModule.forRootAsync({
  isGlobal: true,
  imports: [EthoraTargetModule],
  inject: [ConfigService, EmbeddedEthoraEmulator],
  useFactory: ethoraChatOptionsFactory,
});

/** The sample app: workspaces (a SaaS tenant with one chat room), their users, the chatbot and client tokens. */
@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true }), ethoraChatModule],
  controllers: [WorkspacesController, WorkspaceMembersController, UsersController],
  providers: [WorkspaceService],
})
export class AppModule {}
