import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuditEventView, AuditLog } from '@ventanilla/audit';
import { Staff } from '@ventanilla/auth';
import { IsInstant, parseInstant } from '@ventanilla/calendar';
import { OffsetField } from '@ventanilla/http';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListAuditEventsQuery {
  @ApiPropertyOptional({ example: 'user.deactivated' })
  @IsOptional()
  @Matches(/^[a-z_]+\.[a-z_]+$/)
  action?: string;

  @ApiPropertyOptional({ enum: ['user', 'subject', 'subjects', 'calendar'] })
  @IsOptional()
  @IsIn(['user', 'subject', 'subjects', 'calendar'])
  targetKind?: string;

  @ApiPropertyOptional({ description: 'El id de la cuenta o el código del sujeto obligado' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Solo lo que hizo esta cuenta' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T00:00:00-06:00', description: 'Desde este instante (incluido)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-02T00:00:00-06:00', description: 'Antes de este instante (excluido)' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @OffsetField()
  offset = 0;
}

class AuditActorDoc {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id: string | null;
  @ApiProperty() email: string;
}

class AuditEventDoc {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: AuditActorDoc }) actor: AuditActorDoc;
  @ApiProperty({ example: 'user.deactivated' }) action: string;
  @ApiProperty({ example: 'user' }) targetKind: string;
  @ApiProperty() targetId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Qué cambió (antes/después); nunca contraseñas' }) data: Record<string, unknown>;
}

class AuditEventListDoc {
  @ApiProperty({ type: AuditEventDoc, isArray: true }) items: AuditEventDoc[];
  @ApiProperty() total: number;
}

@ApiTags('staff administration')
@Controller('audit-events')
@Staff('admin')
export class AuditEventsController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @ApiOperation({ summary: 'Bitácora de administración: quién hizo qué y cuándo, lo más reciente primero' })
  @ApiOkResponse({ type: AuditEventListDoc })
  list(@Query() query: ListAuditEventsQuery): Promise<{ items: AuditEventView[]; total: number }> {
    const { from, to, ...rest } = query;
    return this.audit.list({ ...rest, from: parseInstant(from) ?? undefined, to: parseInstant(to) ?? undefined });
  }
}
