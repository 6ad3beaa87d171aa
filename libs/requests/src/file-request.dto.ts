import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional,
  IsString, Length, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { DELIVERY_FORMATS, DeliveryFormat } from '@ventanilla/cases';

export class RequesterDto {
  @ApiProperty({ example: 'Ana López' })
  @IsDefined()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/)
  name: string;

  @ApiPropertyOptional({ example: 'ana@example.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+502 5555 0000' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{6,30}$/)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;
}

/** What a requester files and an officer registers: Art. 41 asks for nothing more. */
export class RequestContentDto {
  @ApiProperty({ minLength: 10, maxLength: 10000, example: 'Copia del presupuesto municipal aprobado para 2026' })
  @IsDefined()
  @IsString()
  @Length(10, 10000)
  description: string;

  @ApiProperty({ type: RequesterDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RequesterDto)
  requester: RequesterDto;

  @ApiProperty({ enum: DELIVERY_FORMATS })
  @IsDefined()
  @IsIn(DELIVERY_FORMATS)
  deliveryFormat: DeliveryFormat;

  @ApiPropertyOptional({ default: 'es', description: 'Idioma del requirente (ISO 639)' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/)
  language?: string;
}

export class FileRequestDto extends RequestContentDto {
  @ApiProperty({ type: [String], example: ['MINFIN', 'MUNI-0407'], minItems: 1, maxItems: 20 })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(40, { each: true })
  subjects: string[];
}
