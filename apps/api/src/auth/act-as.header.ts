import { ApiHeader } from '@nestjs/swagger';

/** The OpenAPI entry of `X-Act-As` (see `actingRole`). */
export const ApiActAsHeader = () =>
  ApiHeader({
    name: 'X-Act-As',
    required: false,
    description:
      'The role to act in, one the token holds; default: the action’s role',
  });
