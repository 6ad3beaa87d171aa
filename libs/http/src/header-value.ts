import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/**
 * A request header's value (or undefined). Unlike Nest's `@Headers(name)`, which the OpenAPI
 * explorer always lists as a required parameter, this leaves the header's documentation to
 * the handler's `@ApiHeader`, so an optional header is optional in `/api/docs-json`.
 */
export const HeaderValue = createParamDecorator((name: string, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
});
