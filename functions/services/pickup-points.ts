// A county's pickup points (乘车点): the ordered list its coordinator keeps, the first being the default
// station. A county that never set one has its county seat's bus station, as plans always assumed.
import { countyByCode } from '#domain/divisions.js';
import { writeTransaction } from '#store/transact.js';
import { auditPart } from './audit.js';
import type { Deps } from './deps.js';

export interface PickupPoint {
  code?: string;
  name: string;
}

/** The county seat's bus station: the station of a county that keeps no list. */
export function countyBusStation(county: string): PickupPoint {
  return { name: `${countyByCode(county)?.name ?? county}汽车客运站` };
}

/** The county's pickup points in order (never empty: the bus station when none is kept). */
export async function countyPickupPoints(deps: Pick<Deps, 'db'>, county: string): Promise<PickupPoint[]> {
  const { data } = await deps.db.entities.pickupPoints.get({ county }).go();
  const points = (data?.points ?? []).map((p) => ({ ...(p.code ? { code: p.code } : {}), name: p.name }));
  return points.length > 0 ? points : [countyBusStation(county)];
}

/** Replaces the list (audited with the list before and after). */
export async function savePickupPoints(deps: Deps, county: string, points: PickupPoint[], actor: string): Promise<PickupPoint[]> {
  const before = await countyPickupPoints(deps, county);
  const clean = points.map((p) => ({ ...(p.code ? { code: p.code } : {}), name: p.name }));
  await writeTransaction(deps.db, [
    {
      name: 'pickupPoints',
      item: ({ pickupPoints }) => pickupPoints.put({ county, points: clean, updatedAt: deps.clock.now().toISOString(), updatedBy: actor }).commit(),
    },
    auditPart(deps, {
      actor,
      action: 'county.pickupPoints',
      target: `county:${county}`,
      county,
      before: { points: before.map((p) => p.name) },
      after: { points: clean.map((p) => p.name) },
    }),
  ]);
  return clean;
}
