import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** At most a million yuan in fen. */
export const MAX_FEN = 100_000_000;

/** A non-empty string of at most `max` characters. */
export function Text(max: number): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(max)(target, key);
  };
}
