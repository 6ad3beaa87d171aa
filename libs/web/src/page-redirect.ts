import { HttpException } from '@nestjs/common';

/**
 * Thrown where a page must send the browser elsewhere before its handler runs (a guard: "sign
 * in first", "choose a new password first"); the pages' exception filter answers 303 to it.
 */
export class PageRedirect extends HttpException {
  constructor(readonly location: string) {
    super('PAGE_REDIRECT', 303);
  }
}

/** A signed-in staff member on a page for another role: a 403 page that points to their own. */
export class StaffRoleRefused extends HttpException {
  constructor() {
    super('STAFF_ROLE', 403);
  }
}
