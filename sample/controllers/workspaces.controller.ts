import { Body, Controller, Delete, HttpCode, HttpStatus, NotFoundException, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CleanupWorkspaceDto } from '../dto/cleanup-workspace.dto.js';
import { CreateWorkspaceDto } from '../dto/create-workspace.dto.js';
import { OnboardWorkspaceDto } from '../dto/onboard-workspace.dto.js';
import { WorkspaceParamsDto } from '../dto/route-params.dto.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import type { WorkspaceCleanedUp, WorkspaceCreated, WorkspaceOnboarded } from '../workspaces/workspace.types.js';

/** Workspaces: a tenant's chat room, its chatbot, bulk onboarding and cleanup. */
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspaceService) {}

  /** Creates the workspace's room: 201 when created, 200 with `status: 'exists'` when it was already there. */
  @Post()
  async create(@Body() dto: CreateWorkspaceDto, @Res({ passthrough: true }) res: Response): Promise<WorkspaceCreated> {
    const created = await this.workspaces.createWorkspace(dto.workspaceId, dto.title, dto.description);
    // A repeat is not an error (the create is idempotent), but it created nothing: 200 rather than 201.
    res.status(created.status === 'created' ? HttpStatus.CREATED : HttpStatus.OK);
    return created;
  }

  /** Adds the configured chatbot to the workspace's room. */
  @Post(':workspaceId/chatbot')
  addChatbot(@Param() { workspaceId }: WorkspaceParamsDto): Promise<{ workspaceId: string; chatbot: 'granted' }> {
    return this.workspaces.addChatbot(workspaceId);
  }

  /** Creates the room and many users at once; answers a per-user report. */
  @Post(':workspaceId/onboard')
  onboard(@Param() { workspaceId }: WorkspaceParamsDto, @Body() dto: OnboardWorkspaceDto): Promise<WorkspaceOnboarded> {
    return this.workspaces.onboardWorkspace(workspaceId, dto.title, dto.users);
  }

  /** Deletes the listed users and the room; 404 when Ethora has no such room. */
  @Delete(':workspaceId')
  @HttpCode(HttpStatus.OK)
  async cleanup(@Param() { workspaceId }: WorkspaceParamsDto, @Body() dto: CleanupWorkspaceDto): Promise<WorkspaceCleanedUp> {
    const result = await this.workspaces.cleanupWorkspace(workspaceId, dto.userIds);
    if (result.room === 'not_found') {
      throw new NotFoundException(`Workspace "${workspaceId}" has no chat room (listed users: ${result.users})`);
    }
    return result;
  }
}
