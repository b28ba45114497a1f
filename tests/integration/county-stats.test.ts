// The dashboard's figures on DynamoDB Local: small counties computed on every request; a big county
// served its figures as last computed while they are recent, recomputed after that.
import { describe, expect, it } from 'vitest';
import { countyStats, FRESH_MINUTES, refreshKeptFigures } from '../../functions/services/county-stats.js';
import { startMatchingRun } from '../../functions/services/matching-run-job.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import type { Deps } from '../../functions/services/deps.js';
import { freshDeps } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';

async function register(deps: Deps, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await registerLabourer(deps, {
      name: '王立学', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['泥瓦工'], destinations: ['3305'],
      expectedWage: 4500, canTravel: true, channel: 'web', povertySelfDeclared: false,
    });
  }
}

describe('county figures', () => {
  it('are computed on every request for a county below the size limit, and not kept', async () => {
    const deps = await freshDeps();
    await register(deps, 2);
    expect((await countyStats(deps, COUNTY, { liveLabourers: 5 })).registered).toBe(2);
    await register(deps, 1);
    expect((await countyStats(deps, COUNTY, { liveLabourers: 5 })).registered).toBe(3);
    await refreshKeptFigures(deps, COUNTY, { liveLabourers: 5 }); // the matcher's: nothing kept, nothing to do
    expect((await deps.db.entities.countyFigures.get({ county: COUNTY }).go()).data).toBeNull();
  });

  it('serve a big county its recent figures with their time, and recompute them once they are old', async () => {
    let now = new Date('2027-02-01T02:00:00Z');
    const deps = await freshDeps({ clock: { now: () => now } });
    await register(deps, 3);

    const first = await countyStats(deps, COUNTY, { liveLabourers: 2 });
    await register(deps, 1);
    now = new Date(now.getTime() + (FRESH_MINUTES - 1) * 60_000);
    const recent = await countyStats(deps, COUNTY, { liveLabourers: 2 });
    now = new Date(now.getTime() + 2 * 60_000);
    const recomputed = await countyStats(deps, COUNTY, { liveLabourers: 2 });

    expect(first).toMatchObject({ registered: 3, asOf: '2027-02-01T02:00:00.000Z' });
    expect(recent).toEqual(first);
    expect(recomputed).toMatchObject({ registered: 4, asOf: now.toISOString() });
  });

  it('are brought up to date by a refresh (the scheduled matcher’s) whatever their age', async () => {
    const now = new Date('2027-02-01T02:00:00Z');
    const deps = await freshDeps({ clock: { now: () => now } });
    await register(deps, 3);
    await countyStats(deps, COUNTY, { liveLabourers: 2 });
    await register(deps, 2);

    await refreshKeptFigures(deps, COUNTY, { liveLabourers: 2 });

    expect((await countyStats(deps, COUNTY, { liveLabourers: 2 })).registered).toBe(5);
  });
});

describe('county figures after a coordinator runs matching', () => {
  it('are recomputed at the end of the run, so the dashboard reloading then shows it (not the kept ones)', async () => {
    const deps = await freshDeps();
    await register(deps, 3);
    // A big county's figures as kept just before the run (recent: served as they are until recomputed).
    const kept = { ...(await countyStats(deps, COUNTY)), registered: 25_000, offered: 0 };
    await deps.db.entities.countyFigures.put({ county: COUNTY, figures: JSON.stringify(kept), labourers: 25_000, computedAt: deps.clock.now().toISOString() }).go();
    expect((await countyStats(deps, COUNTY)).registered).toBe(25_000);

    const run = await startMatchingRun(deps, COUNTY, 'coordinator:test');

    expect(run.ran).toBe('now');
    expect((await countyStats(deps, COUNTY)).registered).toBe(3);
  });

  it('count a bus from its booking until it arrives, not only while booked', async () => {
    const deps = await freshDeps();
    const statuses = ['proposed', 'booked', 'boarding', 'departed', 'arrived', 'cancelled'] as const;
    for (const [i, status] of statuses.entries()) {
      await deps.db.entities.trip.create({
        tripId: `trip-${i}`, planId: 'plan-1', county: COUNTY, destination: '3305', destinationName: '湖州市', date: '2027-02-28', departureTime: '07:30',
        pickupPoint: '青川县汽车客运站', passengers: [], seats: 45, seatsTaken: 0, status, createdAt: new Date().toISOString(),
      }).go();
    }
    expect((await countyStats(deps, COUNTY)).trips).toBe(4);
  });
});
