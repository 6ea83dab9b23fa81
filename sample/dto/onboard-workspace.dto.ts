import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AddUserDto } from './add-user.dto.js';

/** `POST /workspaces/:workspaceId/onboard`: the room plus many users at once. */
export class OnboardWorkspaceDto {
  /** Title of the room; default: the workspaceId. Ignored when the room exists. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique((user: AddUserDto) => user?.userId, { message: 'users must not repeat a userId' })
  @ValidateNested({ each: true })
  @Type(() => AddUserDto)
  users!: AddUserDto[];
}
