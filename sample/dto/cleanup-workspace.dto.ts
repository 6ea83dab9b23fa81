import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional } from 'class-validator';
import { IsEthoraId } from './is-ethora-id.decorator.js';

/** Optional body of `DELETE /workspaces/:workspaceId`: the users to delete with the room. */
export class CleanupWorkspaceDto {
  /** Your user ids (the sample keeps no database, so the caller says who belongs to the workspace). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsEthoraId({ each: true })
  userIds?: string[];
}
