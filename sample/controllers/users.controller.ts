import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ListChatsQueryDto } from '../dto/list-chats.query.dto.js';
import { MintTokenDto } from '../dto/mint-token.dto.js';
import { UserParamsDto } from '../dto/route-params.dto.js';
import { WorkspaceService } from '../workspaces/workspace.service.js';
import type { ClientTokenMinted, UserChatsPage } from '../workspaces/workspace.types.js';

/** Per-user endpoints. */
@Controller('users/:userId')
export class UsersController {
  constructor(private readonly workspaces: WorkspaceService) {}

  /**
   * Mints a client JWT for the user, for Ethora's chat component. In a real app, call this only for the
   * signed-in user: the token lets its bearer chat as that user.
   */
  @Post('token')
  mintToken(@Param() { userId }: UserParamsDto, @Body() dto: MintTokenDto): ClientTokenMinted {
    return this.workspaces.mintClientToken(userId, dto.expiresInSeconds);
  }

  /** One page of the rooms the user belongs to; 404 when Ethora does not know the user. */
  @Get('chats')
  listChats(@Param() { userId }: UserParamsDto, @Query() query: ListChatsQueryDto): Promise<UserChatsPage> {
    return this.workspaces.listUserChats(userId, query);
  }
}
