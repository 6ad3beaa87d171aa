import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListSubjectsQuery } from './list-subjects.dto';
import { toSubjectView } from './subject.entity';
import { SubjectsService } from './subjects.service';

@ApiTags('subjects')
@Controller('subjects')
export class SubjectsController {
  constructor(private readonly subjects: SubjectsService) {}

  @Get()
  @ApiOperation({ summary: 'Catálogo de sujetos obligados' })
  async list(@Query() query: ListSubjectsQuery) {
    const { items, total } = await this.subjects.list(query);
    return { items: items.map(toSubjectView), total };
  }

  @Get(':code')
  @ApiOperation({ summary: 'Un sujeto obligado por su código' })
  async get(@Param('code') code: string) {
    return toSubjectView(await this.subjects.get(code));
  }
}
