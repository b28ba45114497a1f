// The escort's link (POST /trips/{id}/escort-token): the token, the escort's name and phone on the trip and
// the audit entry are one transaction — all or nothing.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../functions/services/audit.js';
import { createEscortToken, tripOfEscortToken } from '../../functions/services/escort-token.js';
import { injectTransactionConflicts } from '../helpers/inject-conflicts.js';
import { freshDeps, localClient } from '../helpers/local-table.js';

const COUNTY = '510822';

async function busOn(deps: Awaited<ReturnType<typeof freshDeps>>) {
  const tripId = deps.newId();
  await deps.db.entities.trip.create({
    tripId, planId: 'plan-1', county: COUNTY, destination: '3305', destinationName: '湖州市', date: '2099-02-28', departureTime: '07:30',
    pickupPoint: '青川县汽车客运站', passengers: [], seats: 45, seatsTaken: 0, status: 'booked', createdAt: new Date().toISOString(),
  }).go();
  return tripId;
}

describe('the escort link', () => {
  it('names the escort on the trip and is audited, with the token', async () => {
    const deps = await freshDeps();
    const tripId = await busOn(deps);
    const { token } = await createEscortToken(deps, { id: tripId, county: COUNTY, date: '2099-02-28' }, 'coordinator:510822', { name: '周队长', phone: '+8613800138001' });
    expect(await tripOfEscortToken(deps, token)).toBe(tripId);
    const { data: trip } = await deps.db.entities.trip.get({ tripId }).go();
    expect(trip).toMatchObject({ escort: '周队长', escortPhone: '+8613800138001' });
    const { items } = await listAudit(deps, { target: `trip:${tripId}`, limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actor: 'coordinator:510822', action: 'trip.escortToken', after: { escort: '周队长', escortPhone: '+8613800138001' } });
    expect(JSON.stringify(items[0])).not.toContain(token);
  });

  it('writes nothing when its transaction cannot go through', async () => {
    const client = localClient();
    const deps = await freshDeps({ client });
    const tripId = await busOn(deps);
    const injected = injectTransactionConflicts(client, { when: () => true });
    try {
      await expect(createEscortToken(deps, { id: tripId, county: COUNTY }, 'coordinator:510822', { name: '周队长' })).rejects.toThrow();
    } finally {
      injected.remove();
    }
    expect((await deps.db.entities.trip.get({ tripId }).go()).data?.escort).toBeUndefined();
    expect((await listAudit(deps, { target: `trip:${tripId}`, limit: 10 })).items).toHaveLength(0);
  });

  it('is refused for a trip that is not there', async () => {
    const deps = await freshDeps();
    await expect(createEscortToken(deps, { id: deps.newId(), county: COUNTY }, 'coordinator:510822')).rejects.toThrow('没有这趟车');
  });
});
