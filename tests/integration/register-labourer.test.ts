// The registration use case on DynamoDB Local: atomic writes, guards, and the retry on transaction conflicts.
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../functions/domain/errors.js';
import { registerLabourer, type RegistrationRequest } from '../../functions/services/register-labourer.js';
import { TransactionConflictError } from '../../functions/store/transact.js';
import { injectTransactionConflicts } from '../helpers/inject-conflicts.js';
import { freshDeps, localClient } from '../helpers/local-table.js';
import { mobilePhone, validIdNumber } from '../helpers/people.js';

function request(overrides: Partial<RegistrationRequest> = {}): RegistrationRequest {
  return {
    name: '张建国',
    idNumber: validIdNumber(),
    phone: mobilePhone(),
    skills: ['电工'],
    destinations: ['33'],
    expectedWage: 6000,
    canTravel: true,
    channel: 'web',
    ...overrides,
  };
}

describe('registerLabourer', () => {
  it('writes the labourer, both guards and the welcome SMS together', async () => {
    const deps = await freshDeps();
    const req = request();
    const result = await registerLabourer(deps, req);
    const { data: labourer } = await deps.db.entities.labourer.get({ labourerId: result.id }).go();
    const { data: phoneGuard } = await deps.db.entities.uniqueGuard.get({ kind: 'phone', value: `+86${req.phone}` }).go();
    const { data: sms } = await deps.db.entities.outboxMessage.query.messagesByPhone({ to: `+86${req.phone}` }).go();
    expect(labourer?.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(JSON.stringify(labourer)).not.toContain(req.idNumber);
    expect(phoneGuard?.labourerId).toBe(result.id);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ status: 'pending', template: 'registered', segments: 1, county: '510822' });
  });

  it('writes nothing when one guard already exists', async () => {
    const deps = await freshDeps();
    const first = request();
    await registerLabourer(deps, first);
    const clash = request({ idNumber: first.idNumber });
    await expect(registerLabourer(deps, clash)).rejects.toBeInstanceOf(ConflictError);
    const { data: phoneGuard } = await deps.db.entities.uniqueGuard.get({ kind: 'phone', value: `+86${clash.phone}` }).go();
    const { data: sms } = await deps.db.entities.outboxMessage.query.messagesByPhone({ to: `+86${clash.phone}` }).go();
    expect(phoneGuard).toBeNull();
    expect(sms).toHaveLength(0);
  });

  it('retries a transaction conflict and then succeeds', async () => {
    const client = localClient();
    const injected = injectTransactionConflicts(client, { when: ({ n }) => n <= 2 });
    const deps = await freshDeps({ client });
    const result = await registerLabourer(deps, request());
    const { data } = await deps.db.entities.labourer.get({ labourerId: result.id }).go();
    expect(injected.conflicts).toBe(2);
    expect(data?.labourerId).toBe(result.id);
  });

  it('gives up after repeated conflicts instead of looping', async () => {
    const client = localClient();
    injectTransactionConflicts(client, { when: () => true });
    const deps = await freshDeps({ client });
    await expect(registerLabourer(deps, request())).rejects.toBeInstanceOf(TransactionConflictError);
  });
});
