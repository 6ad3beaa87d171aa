import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { StaffCaseView } from '../staff/staff-case-views.service';
import { TransferDto } from './transfer.dto';
import { TransferService } from './transfer.service';
import { TransferResultSchema } from '../staff/staff-case.schema';

@ApiTags('cases')
@Controller('cases')
export class TransferController {
  constructor(private readonly transfers: TransferService) {}

  @Post(':id/transfer')
  @HttpCode(200)
  @Staff('uip_officer')
  @ApiOperation({ summary: 'Trasladar al sujeto obligado competente (Art. 38); el nuevo caso se recibe en ese momento, con el mismo folio' })
  @ApiOkResponse({ type: TransferResultSchema })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: toSubject desconocido, el mismo, o que ya tiene un caso abierto del folio' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe o es de otro sujeto obligado' })
  @ApiConflictResponse({ description: 'INVALID_STATE: el caso está cerrado' })
  transfer(
    @CurrentUser() user: StaffUser,
    @Param('id') id: string,
    @Body() dto: TransferDto,
  ): Promise<{ from: StaffCaseView; to: StaffCaseView }> {
    return this.transfers.transfer(user, id, dto);
  }
}
