import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Length, MaxLength, ValidateBy } from 'class-validator';
import { AppError } from './app-error';

/** The contract's cap for a free text: generous (at least 2,000 characters). */
export const FREE_TEXT_MAX = 10_000;
/** A resolution's or an appeal decision's reasoned `text`. */
export const LONG_TEXT_MAX = 20_000;

/**
 * A character someone can see: not white space, not a control or format character (zero-width
 * space, joiners, BOM), nothing Unicode tells renderers to ignore (Hangul filler, variation
 * selectors), not a lone combining mark, not the blank Braille pattern.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\u2800]/u;

export function hasVisibleCharacter(value: unknown): boolean {
  return typeof value === 'string' && VISIBLE.test(value);
}

/** class-validator constraint `hasVisibleCharacter` (its messages are in validation-messages.ts). */
export function HasVisibleCharacter(): PropertyDecorator {
  return ValidateBy({
    name: 'hasVisibleCharacter',
    validator: {
      validate: hasVisibleCharacter,
      defaultMessage: () => 'debe tener al menos un carácter visible',
    },
  });
}

export interface FreeTextOptions {
  /** Defaults to `FREE_TEXT_MAX`. */
  max?: number;
  /** At least this many characters (only `description` has a minimum in the contract). */
  min?: number;
  optional?: boolean;
  description?: string;
  example?: string;
}

/**
 * The contract's rule for every free text (`reason`, `text`, `grounds`, `name`, …): a string
 * with one visible character or more, up to a generous cap; blank or invisible-only text is
 * `VALIDATION_FAILED`. Written once so no field invents its own minimum.
 */
export function FreeText(options: FreeTextOptions = {}): PropertyDecorator {
  const max = options.max ?? FREE_TEXT_MAX;
  const doc = { type: String, minLength: options.min ?? 1, maxLength: max, description: options.description, example: options.example };
  return applyDecorators(
    options.optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    options.optional ? IsOptional() : IsDefined(),
    IsString(),
    options.min ? Length(options.min, max) : MaxLength(max),
    HasVisibleCharacter(),
  );
}

/** A UTF-16 surrogate without its pair: not a character, and a crash for URI and email code downstream. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** The refusal of any text input (JSON, multipart field or file name) holding a lone surrogate. */
export function malformedUnicode(): AppError {
  return new AppError('VALIDATION_FAILED', {
    es: 'La solicitud contiene texto Unicode mal formado (un sustituto UTF-16 sin pareja).',
    en: 'The request contains malformed Unicode text (an unpaired UTF-16 surrogate).',
  });
}

/** A scheme, `www.`, or a host under a common top-level domain: what mail clients turn into a link. */
const LINK =
  /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|[\p{L}\p{N}-]\.(?:com|net|org|info|biz|io|ly|co|me|gt|xyz|top|site|online|link|click|ru|cn|app|dev|shop)(?![\p{L}\p{N}])/iu;

export function holdsLink(value: unknown): boolean {
  return typeof value === 'string' && LINK.test(value);
}

/** class-validator constraint `noLink`: the text may not carry a URL. */
export function NoLink(): PropertyDecorator {
  return ValidateBy({
    name: 'noLink',
    validator: { validate: (value: unknown) => !holdsLink(value), defaultMessage: () => 'no puede contener enlaces ni direcciones web' },
  });
}
