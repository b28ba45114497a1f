// A seat's 4-digit boarding code, from the system's CSPRNG: the passenger texts it back (上车 1234) to
// check in; it only has to tell one passenger's seat from a mistyped or guessed number.
import { randomInt } from 'node:crypto';

export function newBoardingCode(): string {
  return String(randomInt(0, 10_000)).padStart(4, '0');
}
