import { Body, Controller, Param, Post } from '@nestjs/common';
import { AddUserDto } from '../dto/add-user.dto.js';
import { WorkspaceParamsDto } from '../dto/route-params.dto.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import type { WorkspaceUserAdded } from '../workspaces/workspace.types.js';

/** Members of a workspace: users created in Ethora with access to the workspace's room. */
@Controller('workspaces/:workspaceId/users')
export class WorkspaceMembersController {
  constructor(private readonly workspaces: WorkspaceService) {}

  /** Creates the user (or finds it) and grants it access to the room. 404 when the room does not exist. */
  @Post()
  add(@Param() { workspaceId }: WorkspaceParamsDto, @Body() dto: AddUserDto): Promise<WorkspaceUserAdded> {
    return this.workspaces.addUser(workspaceId, dto);
  }
}
