import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `POST /users/:userId/token`: options of the client token. */
export class MintTokenDto {
  /** Lifetime in seconds (1 min to 24 h). Default: the module's `clientTokenTtlSeconds` (900). */
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(86_400)
  expiresInSeconds?: number;
}
