import { Module } from '@nestjs/common';
import { ThrottlingModule } from '@ventanilla/throttling';
import { RoutingController } from './routing.controller';
import { RoutingService } from './routing.service';

/** Routing suggestions for requesters who do not know which body to ask. */
@Module({ imports: [ThrottlingModule], controllers: [RoutingController], providers: [RoutingService], exports: [RoutingService] })
export class RoutingModule {}
