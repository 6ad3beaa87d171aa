import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { SECTORS } from './subject.entity';

/** OpenAPI schema of `SubjectView`. */
@ApiSchema({ name: 'Subject' })
export class SubjectSchema {
  @ApiProperty({ example: 'MUNI-0407' }) code: string;
  @ApiProperty({ example: 'Municipalidad de Patzún, Chimaltenango' }) name: string;
  @ApiProperty({ example: 'Municipalidad de Patzún' }) shortName: string;
  @ApiProperty({ enum: SECTORS }) sector: string;
  @ApiProperty({ type: String, nullable: true, example: '04' }) departmentCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Chimaltenango' }) department: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0407' }) municipalityCode: string | null;
  @ApiProperty() active: boolean;
}

@ApiSchema({ name: 'SubjectList' })
export class SubjectListSchema {
  @ApiProperty({ type: [SubjectSchema] }) items: SubjectSchema[];
  @ApiProperty({ type: 'integer' }) total: number;
}
