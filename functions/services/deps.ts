// What the use cases need from the outside world, wired once per process by the handlers.
import { systemClock, type Clock } from '#adapters/clock.js';
import { idHasherFromEnv, type IdHasher } from '#adapters/id-hasher.js';
import { newId, type IdGenerator } from '#adapters/ids.js';
import { jobLauncherFromEnv, type JobLauncher } from '#adapters/job-launcher.js';
import { nationalRunLauncherFromEnv, type NationalRunLauncher } from '#adapters/national-run-launcher.js';
import { carrierOptOutFromEnv } from '#adapters/carrier-opt-out.js';
import type { CarrierOptOutList } from '#adapters/sns-opt-out-list.js';
import { dbFromEnv, type Db } from '#store/db.js';

export interface Deps {
  db: Db;
  hasher: IdHasher;
  clock: Clock;
  newId: IdGenerator;
  /** Starts national runs (POST /matching/national-runs); only the api uses it. */
  nationalRuns?: NationalRunLauncher;
  /** Starts background jobs (large poverty-list imports); only the api uses it. */
  jobs?: JobLauncher;
  /** The SMS provider's own opt-out list (SNS): 订阅 lifts a number from it. Absent locally and for providers without one. */
  carrierOptOut?: CarrierOptOutList;
}

export function depsFromEnv(): Deps {
  // The scheduled jobs never hash an ID number and get no key: the hasher is built on first use.
  let hasher: IdHasher | undefined;
  return {
    db: dbFromEnv(),
    hasher: { hash: (id) => (hasher ??= idHasherFromEnv()).hash(id) },
    clock: systemClock,
    newId,
    nationalRuns: nationalRunLauncherFromEnv(),
    jobs: jobLauncherFromEnv(),
    carrierOptOut: carrierOptOutFromEnv(),
  };
}
