// What the use cases need from the outside world, wired once per process by the handlers.
import { systemClock, type Clock } from '#adapters/clock.js';
import { idHasherFromEnv, type IdHasher } from '#adapters/id-hasher.js';
import { newId, type IdGenerator } from '#adapters/ids.js';
import { nationalRunLauncherFromEnv, type NationalRunLauncher } from '#adapters/national-run-launcher.js';
import { dbFromEnv, type Db } from '#store/db.js';

export interface Deps {
  db: Db;
  hasher: IdHasher;
  clock: Clock;
  newId: IdGenerator;
  /** Starts national runs (POST /matching/national-runs); only the api uses it. */
  nationalRuns?: NationalRunLauncher;
}

export function depsFromEnv(): Deps {
  // The scheduled jobs never hash an ID number and get no key: the hasher is built on first use.
  let hasher: IdHasher | undefined;
  return { db: dbFromEnv(), hasher: { hash: (id) => (hasher ??= idHasherFromEnv()).hash(id) }, clock: systemClock, newId, nationalRuns: nationalRunLauncherFromEnv() };
}
