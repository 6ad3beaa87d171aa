import { Body, Controller, Get, Inject, Ip, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentUser, StaffPage, StaffUser } from '@ventanilla/auth';
import { localDateOf, localTimeOf } from '@ventanilla/calendar';
import { Clock, EnvDto, seal, Sealed, unseal } from '@ventanilla/config';
import { contractError } from '@ventanilla/http';
import {
  canonicalFolio, deliveryOptions, fieldErrors, fieldsOf, FilingForm, languageOptions, LookupService, readFilingForm, ReceiptService, sendReceipt,
  toFileRequest,
} from '@ventanilla/requests';
import { SubjectsService } from '@ventanilla/subjects';
import { cookieOf, CsrfGuard, PageFieldError, PageRenderer, queryText } from '@ventanilla/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { CookieOptions, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { OFFICER_CHANNELS, RegisterCaseDto } from '../registration/register-case.dto';
import { RegistrationService } from '../registration/registration.service';

export const REGISTRATION_PAGE = '/personal/registrar';
const RECEIPT_COOKIE = 'vt_constancia';
const RECEIPT_CONTEXT = 'officer-registration-receipt';
/** Long enough to print the constancia for the person at the window; then the code is gone from this browser too. */
const RECEIPT_COOKIE_MS = 60 * 60_000;
/** Guatemala keeps UTC-6 all year (no daylight saving time). */
const GUATEMALA_OFFSET = '-06:00';

interface RegistrationForm extends FilingForm {
  channel: string;
  day: string;
  time: string;
}

/** The fields of the page as the API's DTO names them (those the filing form does not have). */
const OWN_FIELDS: Record<string, string> = { channel: 'canal', receivedAt: 'fecha' };

/**
 * `/personal/registrar`: a request the officer's UIP received in person, by phone, mail or email,
 * registered with the instant it really arrived (weeks back is allowed, by the registration
 * service's own rule), then the citizen's folio, access code and constancia PDF at once — the
 * way in for whoever cannot file on the web. The access code is shown once and kept for an
 * hour in a sealed HttpOnly cookie of this path, only so the constancia can be printed.
 */
@ApiExcludeController()
@Controller('personal/registrar')
@StaffPage('uip_officer')
export class RegistrationPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly registration: RegistrationService,
    private readonly lookup: LookupService,
    private readonly receipts: ReceiptService,
    private readonly subjects: SubjectsService,
    private readonly clock: Clock,
    @Inject(EnvDto) private readonly config: EnvDto,
  ) {}

  @Get()
  async form(@CurrentUser() user: StaffUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const now = this.clock.now();
    await this.show(req, res, user, { ...readFilingForm({}), channel: 'in_person', day: localDateOf(now), time: localTimeOf(now), key: randomUUID() }, []);
  }

  @Post()
  @UseGuards(CsrfGuard)
  async register(@CurrentUser() user: StaffUser, @Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const t = this.pages.translator(req);
    const form: RegistrationForm = { ...readFilingForm(body), channel: queryText(body.canal, 20), day: queryText(body.fecha, 10), time: queryText(body.hora, 5) };
    if (!form.key) form.key = randomUUID();
    const { subjects: _none, ...content } = toFileRequest(form);
    const receivedAt = /^\d{4}-\d{2}-\d{2}$/.test(form.day) && /^\d{2}:\d{2}$/.test(form.time) ? `${form.day}T${form.time}:00${GUATEMALA_OFFSET}` : form.day;
    const dto = plainToInstance(RegisterCaseDto, { ...content, channel: form.channel, receivedAt });
    const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (invalid.length > 0) return this.show(req, res, user, form, this.errors(invalid.flatMap((e) => paths(e)), t), 400);
    try {
      const result = await this.registration.register(user, dto, form.key);
      this.rememberReceipt(res, result.folio, result.accessCode);
      res.redirect(303, `${REGISTRATION_PAGE}/hecho/${encodeURIComponent(result.folio)}`);
    } catch (error) {
      const refusal = contractError(error);
      if (refusal?.code === 'VALIDATION_FAILED') return this.show(req, res, user, form, this.errors(refusal.details.map((d) => d.field), t), 400);
      throw error;
    }
  }

  /** The folio and the access code, large, with the constancia to print for the citizen. */
  @Get('hecho/:folio')
  async done(@Param('folio') input: string, @Req() req: Request, @Res() res: Response, @Ip() ip: string): Promise<void> {
    const folio = canonicalFolio(input);
    const accessCode = this.receiptCode(req, folio);
    const t = this.pages.translator(req);
    if (!accessCode) return this.pages.render(req, res, join(__dirname, 'registration-done.njk'), { title: t('registrar.hecho.titulo'), view: null, folio }, { private: true });
    const view = await this.lookup.requesterView({ folio, accessCode, clientIp: ip });
    this.pages.render(req, res, join(__dirname, 'registration-done.njk'), { title: t('registrar.hecho.titulo'), view, folio, accessCode }, { private: true });
  }

  @Get('hecho/:folio/constancia.pdf')
  async receipt(@Param('folio') input: string, @Req() req: Request, @Res() res: Response, @Ip() ip: string): Promise<void> {
    const folio = canonicalFolio(input);
    const accessCode = this.receiptCode(req, folio);
    if (!accessCode) return res.redirect(303, `${REGISTRATION_PAGE}/hecho/${encodeURIComponent(folio)}`);
    sendReceipt(res, await this.receipts.pdf({ folio, accessCode, clientIp: ip }));
  }

  private async show(req: Request, res: Response, user: StaffUser, form: RegistrationForm, errors: PageFieldError[], status = 200): Promise<void> {
    const t = this.pages.translator(req);
    const subject = await this.subjects.get(user.subjectCode!);
    this.pages.render(
      req,
      res,
      join(__dirname, 'registration.njk'),
      {
        title: t('registrar.titulo'),
        subject,
        form,
        errors,
        channelOptions: OFFICER_CHANNELS.map((value) => ({ value, label: t(`registrar.canal.${value}`) })),
        deliveryOptions: deliveryOptions(t),
        languageOptions: languageOptions(t),
      },
      { status, private: true },
    );
  }

  /** The DTO's property paths as the page's fields, each with its sentence, in the page's order. */
  private errors(propertyPaths: string[], t: ReturnType<PageRenderer['translator']>): PageFieldError[] {
    const own = [...new Set(propertyPaths.map((p) => OWN_FIELDS[p]).filter(Boolean))];
    const ownErrors = ['canal', 'fecha'].filter((f) => own.includes(f)).map((field) => ({ field, message: t(`registrar.errores.${field}`) }));
    const shared = fieldErrors(fieldsOf(propertyPaths.filter((p) => !OWN_FIELDS[p]).map((field) => ({ field, message: '' }))), t).filter((e) => e.field !== 'sujetos');
    const all = [...ownErrors, ...shared];
    // A refusal about no field of the form (e.g. the officer's own body deactivated meanwhile).
    return all.length > 0 ? all : [{ field: 'descripcion', message: t('registrar.errores.general') }];
  }

  private rememberReceipt(res: Response, folio: string, accessCode: string): void {
    const sealed = seal(this.config.JWT_SECRET, `${RECEIPT_CONTEXT}\n${folio}`, accessCode);
    res.cookie(RECEIPT_COOKIE, Buffer.from(JSON.stringify(sealed)).toString('base64url'), { ...this.cookieOptions(), maxAge: RECEIPT_COOKIE_MS });
  }

  private receiptCode(req: Request, folio: string): string | undefined {
    const value = cookieOf(req, RECEIPT_COOKIE);
    if (!value) return undefined;
    try {
      return unseal<string>(this.config.JWT_SECRET, `${RECEIPT_CONTEXT}\n${folio}`, JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Sealed);
    } catch {
      return undefined; // another registration's folio, or tampered
    }
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.NODE_ENV === 'production' || this.config.PUBLIC_BASE_URL.startsWith('https:'), path: REGISTRATION_PAGE };
  }
}

/** A validation error's property paths down to its leaves (`requester.email`). */
function paths(error: { property: string; children?: { property: string; children?: unknown[] }[] }, prefix = ''): string[] {
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  return error.children?.length ? error.children.flatMap((c) => paths(c as never, path)) : [path];
}
