import { NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { AppError } from './app-error';
import { errorBody } from './exception.filter';
import { ValidationException } from './validation';

describe('errorBody', () => {
  it('gives an unexpected error a 500 with an error id and keeps the cause for the log', () => {
    const cause = new Error('boom');
    const { body, cause: logged } = errorBody(cause, 'es');
    expect(body).toMatchObject({ statusCode: 500, error: 'INTERNAL_ERROR', details: [] });
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.message).not.toContain('boom');
    expect(logged).toBe(cause);
  });

  it('maps Nest exceptions and domain errors to the contract, in Spanish or English', () => {
    expect(errorBody(new NotFoundException(), 'en').body).toEqual({
      statusCode: 404, error: 'NOT_FOUND', message: 'The resource was not found.', details: [],
    });
    expect(errorBody(new PayloadTooLargeException(), 'es').body.error).toBe('PAYLOAD_TOO_LARGE');
    const domain = new AppError('EXTENSION_NOT_ALLOWED', { es: 'Ya fue prorrogado.', en: 'Already extended.' });
    expect(errorBody(domain, 'es').body).toEqual({ statusCode: 409, error: 'EXTENSION_NOT_ALLOWED', message: 'Ya fue prorrogado.', details: [] });
    expect(errorBody(domain, 'en').body.message).toBe('Already extended.');
  });
});

describe('field messages', () => {
  it('falls back to the validator message when a template cannot be rendered', () => {
    const error = Object.assign(new ValidationError(), {
      property: 'deliveryFormat',
      target: [] as unknown as object,
      constraints: { isIn: 'deliveryFormat must be one of the following values: a, b' },
      children: [],
    });
    const { body } = errorBody(new ValidationException([error]), 'es');
    expect(body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
    expect(body.details).toEqual([{ field: 'deliveryFormat', message: expect.any(String) }]);
  });
});
