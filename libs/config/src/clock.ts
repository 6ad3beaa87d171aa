import { Injectable } from '@nestjs/common';

/** "Now" for the whole service; tests replace it to move time without waiting real days. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
