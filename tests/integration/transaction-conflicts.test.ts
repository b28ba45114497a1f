// Transaction conflicts, injected (DynamoDB Local never raises them): writeTransaction retries them and
// then gives up with a typed error; a matching run gives up only the offers that kept conflicting.
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../functions/http/error-response.js';
import { postVacancy } from '../../functions/services/manage-vacancies.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { runCountyMatching } from '../../functions/services/run-matching.js';
import { TransactionConflictError, writeTransaction, type TxPart } from '../../functions/store/transact.js';
import { injectTransactionConflicts, type ConflictOptions } from '../helpers/inject-conflicts.js';
import { freshDeps, localClient } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

const COUNTY = '510822';

/**
 * A fresh table through a client that conflicts as told. (ElectroDB binds its entities to the client of
 * the last Service built, so a test injects into the one client its deps use.)
 */
async function conflictingDeps(options: ConflictOptions) {
  const client = localClient();
  const injected = injectTransactionConflicts(client, options);
  return { deps: await freshDeps({ client }), injected };
}

const markPart = (idHash: string): TxPart => ({
  name: 'mark',
  item: ({ povertyMark }) => povertyMark.create({ idHash, county: COUNTY, importedAt: new Date().toISOString() }).commit(),
});

describe('writeTransaction under transaction conflicts', () => {
  it('retries a few conflicts and then writes', async () => {
    const { deps, injected } = await conflictingDeps({ when: ({ n }) => n <= 3 });
    const outcome = await writeTransaction(deps.db, [markPart('retried')]);
    const { data } = await deps.db.entities.povertyMark.get({ idHash: 'retried' }).go();
    expect(outcome).toEqual({ ok: true });
    expect(injected).toMatchObject({ calls: 4, conflicts: 3 });
    expect(data?.county).toBe(COUNTY);
  });

  it('gives up on a transaction that keeps conflicting with a typed error (503 and a Chinese message over HTTP)', async () => {
    const { deps, injected } = await conflictingDeps({ when: () => true });
    const error = await writeTransaction(deps.db, [markPart('given-up')]).catch((e: unknown) => e);
    const { data } = await deps.db.entities.povertyMark.get({ idHash: 'given-up' }).go();
    expect(error).toBeInstanceOf(TransactionConflictError);
    expect((error as TransactionConflictError).attempts).toBe(injected.calls);
    expect(data).toBeNull();
    const response = errorResponse(error).response as { statusCode: number; body: string };
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(response.body).error.message).toMatch(/^[\u4e00-\u9fff]/);
  });

  it('conflicts the same calls for the same seed', async () => {
    const runs = [];
    for (const _ of [1, 2]) {
      const { deps, injected } = await conflictingDeps({ fraction: 0.4, seed: 7 });
      for (let i = 0; i < 10; i++) await writeTransaction(deps.db, [markPart(`seeded-${i}`)]).catch(() => undefined);
      runs.push({ calls: injected.calls, conflicts: injected.conflicts });
    }
    expect(runs[0]!.conflicts).toBeGreaterThan(0);
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe('a matching run under persistent conflicts', () => {
  it('offers the rest, reports the offers it gave up, and leaves their places to the next run', async () => {
    const client = localClient();
    const deps = await freshDeps({ client });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { id } = await registerLabourer(deps, {
        name: '王立学', idNumber: validIdNumber(COUNTY), phone: mobilePhone(), skills: ['泥瓦工'], destinations: ['3305'],
        expectedWage: 4500, canTravel: true, channel: 'web',
      });
      ids.push(id);
    }
    const job = await postVacancy(deps, {
      employerId: 'huzhou-build', employerKind: 'enterprise', title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502',
      openings: 4, monthlyWage: 6000, startDate: '2099-03-01',
    });
    const unlucky = ids.slice(0, 2);
    const injected = injectTransactionConflicts(client, { when: ({ items }) => unlucky.some((id) => items.includes(id)) });
    // act
    const run = await runCountyMatching(deps, COUNTY);
    injected.remove();
    const { data: after } = await deps.db.entities.vacancy.get({ vacancyId: job.id }).go();
    const { data: people } = await deps.db.entities.labourer.get(unlucky.map((labourerId) => ({ labourerId }))).go();
    const next = await runCountyMatching(deps, COUNTY);
    // assess
    expect(run).toMatchObject({ offers: 2, skipped: 2, conflicted: 2 });
    expect(after).toMatchObject({ offered: 2, remaining: 2 });
    expect(people.map((p) => p.status)).toEqual(['registered', 'registered']);
    expect(next).toMatchObject({ offers: 2, skipped: 0, conflicted: 0 });
  });
});
