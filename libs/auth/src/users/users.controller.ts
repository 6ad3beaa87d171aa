import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Staff } from '../staff/staff.decorators';
import { CreateUserDto } from './create-user.dto';
import { UserView } from './user.entity';
import { UsersService } from './users.service';

@ApiTags('staff')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @Staff('admin')
  @ApiOperation({ summary: 'Crear una cuenta de personal (solo administradores)' })
  @ApiCreatedResponse({ description: '{ id, email, role, subjectCode }' })
  @ApiConflictResponse({ description: 'CONFLICT: ya existe una cuenta con ese correo' })
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }
}
