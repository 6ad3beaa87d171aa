import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Staff, StaffUser } from '@ventanilla/auth';
import { StaffCaseView } from '../staff/staff-case-views.service';
import { CaseListingService } from './case-listing.service';
import { ListCasesQuery } from './list-cases.query';
import { StaffCaseSchema } from '@ventanilla/cases';
import { StaffCaseListSchema } from '../staff/staff-case.schema';

@ApiTags('cases')
@Controller('cases')
export class CaseListingController {
  constructor(private readonly listing: CaseListingService) {}

  @Get()
  @Staff()
  @ApiOperation({
    summary: 'Casos, ordenados por el plazo que aplica',
    description:
      'Oficiales y máximas autoridades ven solo los de su sujeto obligado; el monitor de la PDH y los administradores, todos. ' +
      'Cada caso incluye description y requester; para el monitor de la PDH, requester es null.',
  })
  @ApiOkResponse({ type: StaffCaseListSchema })
  list(@CurrentUser() user: StaffUser, @Query() query: ListCasesQuery): Promise<{ items: StaffCaseView[]; total: number }> {
    return this.listing.list(user, query);
  }

  @Get(':id')
  @Staff()
  @ApiOperation({ summary: 'Un caso' })
  @ApiOkResponse({ type: StaffCaseSchema })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe o es de otro sujeto obligado' })
  get(@CurrentUser() user: StaffUser, @Param('id') id: string): Promise<StaffCaseView> {
    return this.listing.get(user, id);
  }
}
