import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional,
  IsString, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { DELIVERY_FORMATS, DeliveryFormat } from '@ventanilla/cases';
import { FreeText, NoLink } from '@ventanilla/http';

/** A subject code as typed (any case, stray spaces) read as the catalog writes it. */
export function normalizeSubjectCode(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value;
}

export class RequesterDto {
  // The name is printed in the mails the service sends: a link there would let anyone make
  // the government's sender carry their URL to any address.
  @FreeText({ max: 2000, example: 'Ana López', description: 'Nombre del requirente; no puede contener enlaces' })
  @NoLink()
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

  @FreeText({ optional: true, max: 2000 })
  address?: string;
}

/** What a requester files and an officer registers: Art. 41 asks for nothing more. */
export class RequestContentDto {
  @FreeText({ min: 10, max: 10000, example: 'Copia del presupuesto municipal aprobado para 2026' })
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
  @ApiProperty({
    type: [String],
    example: ['MINFIN', 'MUNI-0407'],
    minItems: 1,
    maxItems: 20,
    description: 'Códigos de sujetos obligados, sin repetir (se comparan sin distinguir mayúsculas ni espacios)',
  })
  @IsDefined()
  // Normalized before validation, so `["MINFIN", " minfin"]` is a repeated subject, not two cases.
  @Transform(({ value }) => (Array.isArray(value) ? value.map(normalizeSubjectCode) : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(40, { each: true })
  subjects: string[];
}
