import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isRole, requiresSubject } from '../staff/roles';

const SUBJECT_CODE = /^[A-Z0-9-]{1,40}$/;

/**
 * What is wrong with `subjectCode` for this role, or null: present (a subject code) exactly
 * for the roles bound to a subject; null counts as absent.
 */
export function subjectCodeProblem(role: unknown, subjectCode: unknown): string | null {
  const given = subjectCode !== undefined && subjectCode !== null;
  if (given && (typeof subjectCode !== 'string' || !SUBJECT_CODE.test(subjectCode))) {
    return 'debe ser un código de sujeto obligado (p. ej. MINFIN o MUNI-0407)';
  }
  if (!isRole(role)) return null; // the role's own error says enough
  if (requiresSubject(role) && !given) return `es obligatorio para el rol ${role}`;
  if (!requiresSubject(role) && given) return `no se admite para el rol ${role}`;
  return null;
}

/**
 * One rule for all of `subjectCode`, because it depends on the sibling `role`: `@IsOptional`
 * would skip it exactly when the code is missing. Its message is Spanish, like other custom rules.
 */
export function SubjectCodeForRole(options?: ValidationOptions): PropertyDecorator {
  const roleOf = (args: ValidationArguments) => (args.object as { role?: unknown }).role;
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'subjectCodeForRole',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => subjectCodeProblem(roleOf(args), value) === null,
        defaultMessage: (args: ValidationArguments) => subjectCodeProblem(roleOf(args), args.value) ?? '',
      },
    });
  };
}
