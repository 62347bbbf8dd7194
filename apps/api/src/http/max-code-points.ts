import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Characters as PostgreSQL's `char_length` counts them: code points. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * At most `max` characters, counted as PostgreSQL counts them. (The
 * stock `MaxLength` counts a variation selector as nothing, so a text it
 * accepts can be twice as long in the database.)
 */
export function MaxCodePoints(
  max: number,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxCodePoints',
      constraints: [max],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && codePointLength(value) <= max,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be at most ${max} characters`,
      },
    },
    options,
  );
}
