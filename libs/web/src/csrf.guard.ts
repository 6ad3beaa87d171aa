import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CsrfProtection } from './csrf';

/** On every page's POST handler: no valid token, no change (the filter shows "la página caducó"). */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly csrf: CsrfProtection) {}

  canActivate(context: ExecutionContext): boolean {
    this.csrf.verify(context.switchToHttp().getRequest<Request>());
    return true;
  }
}
