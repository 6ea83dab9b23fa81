import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query of `GET /users/:userId/chats`: one page of the user's rooms. */
export class ListChatsQueryDto {
  /** Rooms per page, 1–500. Default 100. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** Rooms to skip. Default 0. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  /** `true` to include each room's members. */
  @IsOptional()
  // Query values are strings; only the two literal spellings count, anything else fails @IsBoolean.
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeMembers?: boolean;
}
