import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ROLES } from './staff/roles';

/** OpenAPI schemas of the staff answers. */
@ApiSchema({ name: 'LoginUser' })
export class LoginUserSchema {
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: String, nullable: true }) subjectCode: string | null;
}

@ApiSchema({ name: 'LoginResult' })
export class LoginResultSchema {
  @ApiProperty({ description: 'JWT para `Authorization: Bearer`' }) accessToken: string;
  @ApiProperty({ type: LoginUserSchema }) user: LoginUserSchema;
}
