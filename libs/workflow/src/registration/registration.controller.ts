import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { HeaderValue } from '@ventanilla/http';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { FilingResult, FilingResultSchema } from '@ventanilla/requests';
import { RegisterCaseDto } from './register-case.dto';
import { RegistrationService } from './registration.service';

@ApiTags('cases')
@Controller('cases')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post()
  @HttpCode(201)
  @Staff('uip_officer')
  @ApiOperation({ summary: 'Registrar una solicitud recibida en la UIP del oficial (en persona, teléfono, correo postal o electrónico)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Propia de cada oficial' })
  @ApiCreatedResponse({ type: FilingResultSchema, description: 'Como la presentación en línea' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: la misma clave con otro contenido' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: receivedAt futuro o de hace más de un año, entre otros' })
  register(
    @CurrentUser() user: StaffUser,
    @Body() dto: RegisterCaseDto,
    @HeaderValue('idempotency-key') idempotencyKey?: string,
  ): Promise<FilingResult> {
    return this.registration.register(user, dto, idempotencyKey);
  }
}
