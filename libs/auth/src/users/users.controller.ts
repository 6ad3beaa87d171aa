import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { StaffUser } from '../staff/roles';
import { CurrentUser, Staff } from '../staff/staff.decorators';
import { CreateUserDto } from './create-user.dto';
import { PasswordResetDoc, UserDoc, UserListDoc } from './user.doc';
import { UserView } from './user.entity';
import { ListUsersQuery, UpdateUserDto } from './users-admin.dto';
import { PasswordResetResult, UsersAdmin } from './users-admin.service';
import { UsersService } from './users.service';

/** Staff administration (api.md): admins only. Every change is an audit event (`GET /audit-events`). */
@ApiTags('staff administration')
@Controller('users')
@Staff('admin')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: UsersAdmin,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Crear una cuenta de personal' })
  @ApiCreatedResponse({ type: UserDoc })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiConflictResponse({ description: 'CONFLICT: ya existe una cuenta con ese correo' })
  create(@CurrentUser() actor: StaffUser, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body, actor);
  }

  @Get()
  @ApiOperation({ summary: 'Cuentas de personal, por correo; filtros por rol, sujeto obligado, estado y texto' })
  @ApiOkResponse({ type: UserListDoc })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  list(@Query() query: ListUsersQuery): Promise<{ items: UserView[]; total: number }> {
    return this.admin.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Una cuenta de personal' })
  @ApiOkResponse({ type: UserDoc })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param('id') id: string): Promise<UserView> {
    return this.admin.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Cambiar nombre, rol, sujeto obligado o estado',
    description: 'active: false desactiva la cuenta y sus tokens dejan de valer en el acto; true la reactiva (sin revivir tokens anteriores).',
  })
  @ApiOkResponse({ type: UserDoc })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: p. ej. un rol que exige sujeto obligado sin él' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'CONFLICT: un administrador no puede desactivarse ni quitarse el rol a sí mismo' })
  update(@CurrentUser() actor: StaffUser, @Param('id') id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.admin.update(actor, id, body);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Restablecer la contraseña: una temporal, que la cuenta debe cambiar al iniciar sesión',
    description: 'Los tokens vigentes de la cuenta dejan de valer en el acto. Con la temporal, solo POST /auth/password está abierto.',
  })
  @ApiOkResponse({ type: PasswordResetDoc })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  resetPassword(@CurrentUser() actor: StaffUser, @Param('id') id: string): Promise<PasswordResetResult> {
    return this.admin.resetPassword(actor, id);
  }
}
