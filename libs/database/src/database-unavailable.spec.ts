import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection reset', pgError('ECONNRESET')],
    ['no connection in time', new Error('timeout exceeded when trying to connect')],
    ['connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['a dead client', new Error('Client has encountered a connection error and is not queryable')],
    ['the read timeout', new Error('PostgreSQL no respondió en 15000 ms; se descarta la conexión')],
    ['statement timeout', new QueryFailedError('SELECT', [], pgError('57014', 'canceling statement due to statement timeout'))],
    ['lock timeout', new QueryFailedError('SELECT', [], pgError('55P03'))],
    ['idle in transaction timeout', pgError('25P03')],
    ['server shutting down', pgError('57P01')],
    ['connection failure class 08', pgError('08006')],
    ['too many connections', pgError('53300')],
  ])('%s: yes', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['syntax error (a bug)', new QueryFailedError('SELEC', [], pgError('42601'))],
    ['a plain error', new Error('boom')],
    ['not an error', undefined],
  ])('%s: no', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
