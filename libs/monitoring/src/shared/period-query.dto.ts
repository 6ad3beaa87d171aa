import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, isLocalDate } from '@ventanilla/calendar';
import { IsOptional, ValidateBy, ValidationArguments } from 'class-validator';
import { MAX_PERIOD_YEARS, withinMaxSpan } from './period';

const fromOf = (args: ValidationArguments): unknown => (args.object as { from?: unknown }).from;

/** `to` must not come before `from` (checked only when both are real dates; their own checks report the rest). */
function IsNotBeforeFrom(): PropertyDecorator {
  return (target, property) =>
    ValidateBy({
      name: 'periodOrder',
      validator: {
        validate: (to, args) => !isLocalDate(to) || !args || !isLocalDate(fromOf(args)) || to >= (fromOf(args) as string),
        defaultMessage: () => 'debe ser igual o posterior a from',
      },
    })(target, property as string);
}

function IsWithinMaxSpan(): PropertyDecorator {
  return (target, property) =>
    ValidateBy({
      name: 'periodSpan',
      validator: {
        validate: (to, args) => !isLocalDate(to) || !args || !isLocalDate(fromOf(args)) || withinMaxSpan(fromOf(args) as string, to),
        defaultMessage: () => `el período no puede abarcar más de ${MAX_PERIOD_YEARS} años`,
      },
    })(target, property as string);
}

const PERIOD_DESCRIPTION =
  'Casos recibidos en el período: received_on (día legal de recepción, America/Guatemala) entre from y to, ambos incluidos. ' +
  `Sin from ni to: el año en curso; con solo uno de ellos: el resto de ese año calendario. Máximo ${MAX_PERIOD_YEARS} años.`;

/** The period of the monitoring endpoints (see `resolvePeriod`). */
export class PeriodQuery {
  @ApiPropertyOptional({ description: `Primer día del período (YYYY-MM-DD). ${PERIOD_DESCRIPTION}`, example: '2025-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Último día del período (YYYY-MM-DD), igual o posterior a from', example: '2025-12-31' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotBeforeFrom()
  @IsWithinMaxSpan()
  to?: string;
}
