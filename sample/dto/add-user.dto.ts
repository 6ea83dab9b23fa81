import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsEthoraId } from './is-ethora-id.decorator.js';

/** One user to create in Ethora and give access to a workspace's room. */
export class AddUserDto {
  /** Your user id; Ethora keys the user by it, so adding the same user again is harmless. */
  @IsEthoraId()
  userId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  /** Default: derived by the library from the ids (the same on every retry). */
  @IsOptional()
  @IsEmail()
  email?: string;
}
