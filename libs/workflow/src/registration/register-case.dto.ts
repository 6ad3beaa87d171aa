import { ApiProperty } from '@nestjs/swagger';
import { IsInstant } from '@ventanilla/calendar';
import { Channel } from '@ventanilla/cases';
import { RequestContentDto } from '@ventanilla/requests';
import { IsDefined, IsIn } from 'class-validator';

/** Channels an officer registers at the UIP (Art. 38: verbal, written or electronic); `web` is the public filing's. */
export const OFFICER_CHANNELS = ['in_person', 'phone', 'mail', 'email'] as const satisfies readonly Channel[];
export type OfficerChannel = (typeof OFFICER_CHANNELS)[number];

export class RegisterCaseDto extends RequestContentDto {
  @ApiProperty({ enum: OFFICER_CHANNELS })
  @IsDefined()
  @IsIn(OFFICER_CHANNELS)
  channel: OfficerChannel;

  @ApiProperty({
    example: '2026-03-30T10:15:00-06:00',
    description: 'Instante en que la UIP recibió la solicitud (con zona horaria); no futuro y a lo sumo un año atrás',
  })
  @IsDefined()
  @IsInstant()
  receivedAt: string;
}
