import { isPhoneNumber } from '@opsdesk/domain';
import { ValidateBy } from 'class-validator';

/**
 * A phone number as the domain checks it (ASCII digits, an optional
 * leading +, spaces or hyphens between, 5 to 20 digits), so a bad number
 * is a 400 naming the field and never reaches a queue.
 */
export function IsPhone(): PropertyDecorator {
  return ValidateBy({
    name: 'isPhone',
    validator: {
      validate: (value: unknown) => isPhoneNumber(value),
      defaultMessage: () => 'must be a telephone number',
    },
  });
}
