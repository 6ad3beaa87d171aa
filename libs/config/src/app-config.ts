import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DEV_DEFAULTS, EnvDto } from './env.dto';

export class ConfigError extends Error {}

/**
 * Reads and validates the environment. In production a missing JWT secret or a default
 * password refuses to start: a development default must never guard real data.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): EnvDto {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(EnvDto, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Configuración inválida:\n${lines.join('\n')}`);
  }
  if (config.NODE_ENV === 'production') {
    const problems: string[] = [];
    if (!defined.JWT_SECRET || config.JWT_SECRET === DEV_DEFAULTS.JWT_SECRET) {
      problems.push('JWT_SECRET debe definirse en producción (no el valor de desarrollo)');
    }
    if (!defined.ACCESS_CODE_SECRET || config.ACCESS_CODE_SECRET === DEV_DEFAULTS.ACCESS_CODE_SECRET) {
      problems.push('ACCESS_CODE_SECRET debe definirse en producción (no el valor de desarrollo)');
    } else if (config.ACCESS_CODE_SECRET === config.JWT_SECRET) {
      problems.push('ACCESS_CODE_SECRET no puede ser igual a JWT_SECRET');
    }
    if (config.ADMIN_PASSWORD === DEV_DEFAULTS.ADMIN_PASSWORD) {
      problems.push('ADMIN_PASSWORD no puede ser la contraseña de desarrollo en producción');
    }
    if (/\/\/[^/]*:(postgres|password|ventanilla)@/.test(config.DATABASE_URL)) {
      problems.push('DATABASE_URL usa una contraseña por defecto');
    }
    if (problems.length > 0) throw new ConfigError(`Configuración insegura para producción:\n  ${problems.join('\n  ')}`);
  }
  return config;
}
