import { ValidationError, ValidationPipe } from '@nestjs/common';

/** Carries class-validator's errors to the exception filter, which renders them per language. */
export class ValidationException extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('VALIDATION_FAILED');
  }
}

/** The one global pipe: whitelist, reject unknown fields, transform to the DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationException(errors),
  });
}
