import { IsEthoraId } from './is-ethora-id.decorator.js';

/** `:workspaceId` in a path. */
export class WorkspaceParamsDto {
  @IsEthoraId()
  workspaceId!: string;
}

/** `:userId` in a path. */
export class UserParamsDto {
  @IsEthoraId()
  userId!: string;
}
