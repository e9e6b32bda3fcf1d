import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for business rules with a duration (store locks,
 * referral bindings, lockouts). Tests move it forward instead of waiting.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Test and simulator use only: shift "now" by `ms` (cumulative). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

export const DAY_MS = 86_400_000;
