import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { FilingResult } from '@ventanilla/requests';
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
  @ApiCreatedResponse({ description: '{ folio, accessCode, filedAt, cases }, como la presentación en línea' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: receivedAt futuro o de hace más de un año, entre otros' })
  register(
    @CurrentUser() user: StaffUser,
    @Body() dto: RegisterCaseDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<FilingResult> {
    return this.registration.register(user, dto, idempotencyKey);
  }
}
