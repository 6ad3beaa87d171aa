import { ApiProperty } from '@nestjs/swagger';
import type { DocumentView } from '@ventanilla/cases';

/** The contract's `Document` (api.md, Documents), for the OpenAPI document. */
export class DocumentDto implements DocumentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Nombre del archivo, saneado', example: 'Presupuesto 2026.pdf' })
  name: string;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ description: 'Bytes', example: 482113 })
  size: number;

  @ApiProperty({ description: 'SHA-256 de los bytes guardados (hexadecimal)', pattern: '^[0-9a-f]{64}$' })
  sha256: string;

  @ApiProperty({ description: 'Visible para cualquiera una vez resuelto el caso' })
  public: boolean;

  @ApiProperty({ format: 'date-time' })
  uploadedAt: string;

  @ApiProperty({ description: 'Entregado con la resolución (el personal ve también los que aún no)' })
  delivered: boolean;

  @ApiProperty({ description: 'Dirección de descarga', example: '/api/v1/documents/6f1c0c56-3d1e-4f0e-9a59-1d0c7b1f2a3b' })
  url: string;
}
