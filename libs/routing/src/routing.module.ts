import { Module } from '@nestjs/common';
import { RoutingController } from './routing.controller';
import { RoutingService } from './routing.service';

/** Routing suggestions for requesters who do not know which body to ask. */
@Module({ controllers: [RoutingController], providers: [RoutingService], exports: [RoutingService] })
export class RoutingModule {}
