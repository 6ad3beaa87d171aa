import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListSubjectsQuery } from './list-subjects.dto';
import { toSubjectView } from './subject.entity';
import { SubjectListSchema, SubjectSchema } from './subject.schema';
import { SubjectsService } from './subjects.service';

@ApiTags('subjects')
@Controller('subjects')
export class SubjectsController {
  constructor(private readonly subjects: SubjectsService) {}

  @Get()
  @ApiOperation({ summary: 'Catálogo de sujetos obligados' })
  @ApiOkResponse({ type: SubjectListSchema })
  async list(@Query() query: ListSubjectsQuery) {
    const { items, total } = await this.subjects.list(query);
    return { items: items.map(toSubjectView), total };
  }

  @Get(':code')
  @ApiOperation({ summary: 'Un sujeto obligado por su código' })
  @ApiOkResponse({ type: SubjectSchema })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no existe un sujeto con ese código' })
  async get(@Param('code') code: string) {
    return toSubjectView(await this.subjects.get(code));
  }
}
