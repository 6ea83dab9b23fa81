import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsEthoraId } from './is-ethora-id.decorator.js';

/** `POST /workspaces`: a tenant and its chat room, keyed by `workspaceId`. */
export class CreateWorkspaceDto {
  /** Becomes the room's chatId: `<appId>_<workspaceId>`. */
  @IsEthoraId()
  workspaceId!: string;

  /** The room title shown in the chat. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  description?: string;
}
