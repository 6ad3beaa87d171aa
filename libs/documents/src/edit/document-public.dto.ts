import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined } from 'class-validator';

export class DocumentPublicDto {
  @ApiProperty({ description: 'Visible para cualquiera una vez resuelto el caso; false si contiene datos personales (LAIP Art. 22)' })
  @IsDefined()
  @IsBoolean()
  public: boolean;
}
