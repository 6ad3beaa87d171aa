import { Inject, Injectable } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import nunjucks from 'nunjucks';
import { AssetsService } from './assets/assets.service';
import { cookieOf } from './cookies';
import { CSRF_FIELD, CsrfProtection } from './csrf';
import { DateFormat } from './date-format';
import { documentKind, fileSize } from './document-format';
import { PageFieldError } from './form-errors';
import { BASE_LANGUAGE, MessageCatalogue, Translate } from './messages/message-catalogue';
import { COMPRESSION_THRESHOLD, SharedPage } from './shared-page';

/** Chosen by a translator's catalogue being present and the browser having asked for it. */
export const LANGUAGE_COOKIE = 'vt_idioma';
const SHARED_TEMPLATES = join(__dirname, 'templates');

/**
 * Templates by absolute path (each feature keeps its pages beside its services) or, for the
 * layout and the form macros, by name from this library's `templates/`.
 */
class TemplateLoader implements nunjucks.ILoader {
  constructor(private readonly cache: boolean) {}

  isRelative(name: string): boolean {
    return name.startsWith('./') || name.startsWith('../');
  }

  resolve(parent: string, name: string): string {
    return join(dirname(parent), name);
  }

  getSource(name: string): nunjucks.LoaderSource {
    const path = isAbsolute(name) ? name : join(SHARED_TEMPLATES, name);
    return { src: readFileSync(path, 'utf8'), path, noCache: !this.cache };
  }
}

export interface PageOptions {
  status?: number;
  /** Pages that show a requester's own data must not be kept by any cache. */
  private?: boolean;
}

/**
 * Renders the pages: Nunjucks with autoescape on (every value is escaped unless a template
 * says otherwise), the message catalogue as `t`, content-hashed assets, dates in Spanish,
 * and the CSRF token for the page's forms.
 */
@Injectable()
export class PageRenderer {
  readonly catalogue = new MessageCatalogue(join(__dirname, 'messages'));
  private readonly env: nunjucks.Environment;

  constructor(
    private readonly assets: AssetsService,
    private readonly csrf: CsrfProtection,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {
    this.env = new nunjucks.Environment(new TemplateLoader(config.NODE_ENV !== 'development'), {
      autoescape: true,
      throwOnUndefined: false,
      trimBlocks: true,
      lstripBlocks: true,
    });
    this.env.addGlobal('asset', (name: string) => this.assets.url(name));
    this.env.addGlobal('fileSize', fileSize);
    this.env.addGlobal('documentKind', documentKind);
    this.env.addGlobal('errorFor', (errors: PageFieldError[] | undefined, id: string) => errors?.find((e) => e.field === id)?.message ?? '');
  }

  language(req: Request): string {
    const chosen = cookieOf(req, LANGUAGE_COOKIE);
    return chosen && this.catalogue.has(chosen) ? chosen : BASE_LANGUAGE;
  }

  translator(req: Request): Translate {
    return this.catalogue.translator(this.language(req));
  }

  /** Renders a template to a string, for the pages and anything else drawn from the catalogue. */
  renderString(req: Request, res: Response, template: string, context: Record<string, unknown>): string {
    return this.env.render(template, {
      ...this.shared(this.language(req), req.path),
      // Made when a form prints it: a page without a form (the statistics, a body's page) costs
      // no token and sets no session or CSRF cookie.
      csrfToken: lazyText(() => this.csrf.token(req, res)),
      // Set by the staff pages' guard (`@StaffPage`): the staff layout shows the role's menu and who is signed in.
      staff: (req as Request & { staffUser?: unknown }).staffUser ?? null,
      ...context,
    });
  }

  /**
   * A public page that every visitor with the same language gets alike, so that it may be
   * rendered once and reused: nothing of the visitor's session goes in, and a template that
   * prints a CSRF token fails here (a token is one browser's).
   */
  renderShared(req: Request, template: string, context: Record<string, unknown>): SharedPage {
    return new SharedPage(this.env.render(template, {
      ...this.shared(this.language(req), req.path),
      csrfToken: lazyText(() => {
        throw new Error(`${template}: una página compartida no puede llevar un token CSRF`);
      }),
      staff: null,
      ...context,
    }));
  }

  /** A shared page, compressed as the browser accepts (each encoding made once per page), with the headers every page gets. */
  async sendShared(req: Request, res: Response, page: SharedPage): Promise<void> {
    res.vary('Accept-Encoding');
    // Brotli first when accepted at all, as the compression middleware prefers it.
    const encoding = page.html.length < COMPRESSION_THRESHOLD ? null : req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : null;
    if (!encoding) return this.send(res, page.html);
    const body = await page.body(encoding);
    // Already encoded: the compression middleware leaves it as it is.
    res.set('Content-Encoding', encoding);
    this.send(res, body);
  }

  private shared(language: string, currentPath: string): Record<string, unknown> {
    const t = this.catalogue.translator(language);
    const dates = new DateFormat(this.catalogue.entry(language, 'fecha.meses') as string[], t);
    return {
      lang: language,
      t,
      date: (value: string | null | undefined) => dates.date(value),
      dateTime: (value: string | null | undefined) => dates.dateTime(value),
      csrfField: CSRF_FIELD,
      currentPath,
    };
  }

  render(req: Request, res: Response, template: string, context: Record<string, unknown> = {}, options: PageOptions = {}): void {
    this.send(res, this.renderString(req, res, template, context), options);
  }

  /** A page already rendered (`renderString`), with the headers every page gets. */
  send(res: Response, html: string | Buffer, options: PageOptions = {}): void {
    res
      .status(options.status ?? 200)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        // Each page carries its own CSRF token: never served from a shared cache.
        'Cache-Control': options.private ? 'no-store' : 'private, no-cache',
      })
      .send(html);
  }
}

/**
 * A value that is computed the first time a template prints it (Nunjucks prints through
 * `toString`, escaped), and only then.
 */
function lazyText(make: () => string): { toString(): string } {
  let text: string | undefined;
  return { toString: () => (text ??= make()) };
}
