import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, NotContains, type ValidationOptions } from 'class-validator';
import { ETHORA_ID_PATTERN, MAX_ID_LENGTH } from '../../lib/index.js';

/**
 * Validates an id that becomes an Ethora user or room id, with the library's own alphabet: checked here too,
 * so a bad id is a 400 naming *our* field (`workspaceId`), not the library's argument (`chatId`).
 * `{ each: true }` validates every entry of an array.
 */
export function IsEthoraId(options: ValidationOptions = {}): PropertyDecorator {
  // Custom messages replace class-validator's own "each value in" prefix, so it is restored here for arrays.
  const subject = options.each ? 'each value in $property' : '$property';
  return applyDecorators(
    IsString(options),
    MaxLength(MAX_ID_LENGTH, options),
    NotContains('..', { ...options, message: `${subject} must not contain ".."` }),
    Matches(ETHORA_ID_PATTERN, {
      ...options,
      message: `${subject} may hold only letters, digits, "_", "-" and "." (starting with a letter or digit, not ending in ".")`,
    }),
  );
}
