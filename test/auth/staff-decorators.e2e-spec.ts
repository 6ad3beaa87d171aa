import { Controller, Get, INestApplication, Module, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, canReadSubject, CurrentUser, seesContactDetails, Staff, StaffUser } from '@ventanilla/auth';
import { ConfigModule, EnvDto } from '@ventanilla/config';
import { DatabaseModule } from '@ventanilla/database';
import { configureApi, LoggingModule } from '@ventanilla/http';
import { QueueModule } from '@ventanilla/queue';
import { startTestEnvironment, TestEnvironment } from '@ventanilla/testing';
import request from 'supertest';
import { createUser, tokenFor } from './auth-helpers';

/** A stand-in for a feature module (cases): it imports AuthModule and guards its own controller. */
@Controller('probe')
@Staff('pdh_monitor', 'admin')
class ProbeController {
  @Get('me')
  @Staff()
  me(@CurrentUser() user: StaffUser) {
    return { user, contactDetails: seesContactDetails(user) };
  }

  @Get('subjects/:code')
  @Staff()
  subject(@CurrentUser() user: StaffUser, @Param('code') code: string) {
    return { readable: canReadSubject(user, code) };
  }

  @Get('monitoring')
  monitoring(@CurrentUser() user: StaffUser) {
    return { role: user.role };
  }
}

@Module({ imports: [AuthModule], controllers: [ProbeController] })
class ProbeModule {}

const PASSWORD = 'contraseña-segura-1';

describe('@Staff and @CurrentUser in another feature module (e2e)', () => {
  let env: TestEnvironment;
  let probe: INestApplication;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    env = await startTestEnvironment();
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule, ProbeModule],
    })
      .overrideProvider(EnvDto)
      .useValue(env.config)
      .compile();
    probe = moduleRef.createNestApplication({ bodyParser: false, bufferLogs: true });
    configureApi(probe, env.config);
    await probe.init();

    tokens.admin = await tokenFor(env, env.config.ADMIN_EMAIL, env.config.ADMIN_PASSWORD);
    const staff = [
      { email: 'uip@minfin.gob.gt', role: 'uip_officer', subjectCode: 'MINFIN' },
      { email: 'monitor@pdh.org.gt', role: 'pdh_monitor' },
    ];
    for (const body of staff) {
      await createUser(env, tokens.admin, { ...body, password: PASSWORD }).expect(201);
      tokens[body.role] = await tokenFor(env, body.email, PASSWORD);
    }
  });
  afterAll(async () => {
    await probe?.close();
    await env?.stop();
  });

  const get = (path: string, token?: string) => {
    const req = request(probe.getHttpServer()).get(`/api/v1/probe/${path}`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  it('hands the handler the current user, with the helpers the case workflow uses', async () => {
    const officer = await get('me', tokens.uip_officer).expect(200);
    expect(officer.body).toEqual({
      user: { id: expect.any(String), email: 'uip@minfin.gob.gt', role: 'uip_officer', subjectCode: 'MINFIN' },
      contactDetails: true,
    });
    const monitor = await get('me', tokens.pdh_monitor).expect(200);
    expect(monitor.body).toMatchObject({ user: { role: 'pdh_monitor', subjectCode: null }, contactDetails: false });
    expect((await get('subjects/MINFIN', tokens.uip_officer).expect(200)).body).toEqual({ readable: true });
    expect((await get('subjects/MINECO', tokens.uip_officer).expect(200)).body).toEqual({ readable: false });
    expect((await get('subjects/MINECO', tokens.pdh_monitor).expect(200)).body).toEqual({ readable: true });
  });

  it('applies the class roles where the handler sets none, and the handler roles where it does', async () => {
    await get('monitoring', tokens.pdh_monitor).expect(200);
    await get('monitoring', tokens.admin).expect(200);
    const forbidden = await get('monitoring', tokens.uip_officer).expect(403);
    expect(forbidden.body).toMatchObject({ statusCode: 403, error: 'FORBIDDEN' });
    // @Staff() on the handler admits every role even under a stricter class.
    await get('me', tokens.uip_officer).expect(200);
    const anonymous = await get('me').expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED' });
  });

  it('documents bearer auth on guarded routes in the OpenAPI document', async () => {
    const res = await env.http.get('/api/docs-json').expect(200);
    expect(res.body.paths['/api/v1/users'].post.security).toEqual([{ bearer: [] }]);
    expect(res.body.paths['/api/v1/auth/login'].post.security).toBeUndefined();
  });
});
