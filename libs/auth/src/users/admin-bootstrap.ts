import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EnvDto } from '@ventanilla/config';
import { UsersService } from './users.service';

/** ADMIN_EMAIL / ADMIN_PASSWORD become the first administrator when the api starts (api.md, Configuration). */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(EnvDto) private readonly config: EnvDto,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.users.ensureAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
    if (created) {
      this.logger.log(`Administrador inicial creado: ${this.config.ADMIN_EMAIL}`);
    } else {
      this.logger.debug(`Ya existe una cuenta con el correo del administrador inicial (${this.config.ADMIN_EMAIL})`);
    }
  }
}
