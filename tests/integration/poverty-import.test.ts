// POST /labourers/poverty-import: the county's poverty list marks registered labourers and pre-marks the rest.
import { describe, expect, it } from 'vitest';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { useTestSystem } from '../helpers/local-api.js';
import { freshDeps } from '../helpers/local-table.js';
import { mobilePhone, registrationBody, validIdNumber } from '../helpers/people.js';

const COORDINATOR = 'dev:coordinator:510822';
const NEIGHBOUR = 'dev:coordinator:510821';

const local = useTestSystem();
const { api } = local;

const importCsv = (csv: string, token = COORDINATOR, query = '') =>
  api('POST', `/labourers/poverty-import${query}`, { token, body: csv, contentType: 'text/csv' });

describe('POST /labourers/poverty-import', () => {
  it('marks the county’s registered labourers, pre-marks unregistered IDs and reports bad rows', async () => {
    // prepare
    const registered = registrationBody();
    const elsewhere = registrationBody({ idNumber: validIdNumber('330502') });
    // Assisted registrations: each by a coordinator of the labourer's home county.
    const created = await api('POST', '/labourers', { json: registered, token: COORDINATOR });
    await api('POST', '/labourers', { json: elsewhere, token: 'dev:coordinator:330502' });
    const later = validIdNumber();
    const csv = ['idNumber,name', `${registered.idNumber},王立学`, `${elsewhere.idNumber},外县`, `${later},李芳`, '123,坏行', `${registered.idNumber.toLowerCase()},重复`].join('\n');
    // act
    const res = await importCsv(csv);
    const read = await api('GET', `/labourers/${created.body.id}`, { token: COORDINATOR });
    const arrival = await api('POST', '/labourers', { json: registrationBody({ idNumber: later }), token: COORDINATOR });
    // assess
    expect(res.status).toBe(200);
    // The other county's resident is skipped for the ID number alone: nothing is said about their registration.
    expect(res.body).toEqual({ matched: 1, unmatched: 1, notResident: 1, errors: [expect.anything()] });
    expect(res.body.errors).toEqual([{ row: 5, message: expect.stringContaining('身份证号无效') }]);
    expect(read.body.poverty).toBe(true);
    expect(arrival.status).toBe(201);
    expect(arrival.body.poverty).toBe(true);
  });

  it('accepts a Chinese header, a byte-order mark and Windows line ends', async () => {
    const res = await importCsv(`\uFEFF身份证号\r\n${validIdNumber()}\r\n`);
    expect(res.status).toBe(200);
    expect(res.body.unmatched).toBe(1);
  });

  it('never marks another county’s residents: their rows are skipped without a trace of their registration', async () => {
    const registered = registrationBody();
    await api('POST', '/labourers', { json: registered, token: COORDINATOR });
    const unregistered = validIdNumber();
    // act: the neighbouring county's coordinator lists one registered and one unregistered resident of 510822
    const res = await importCsv(`idNumber\n${registered.idNumber}\n${unregistered}\n`, NEIGHBOUR);
    const arrival = await api('POST', '/labourers', { json: registrationBody({ idNumber: unregistered }), token: COORDINATOR });
    const read = await api('GET', `/labourers?phone=${registered.phone}`, { token: COORDINATOR });
    // assess: both answered alike, neither marked
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ matched: 0, unmatched: 0, notResident: 2, errors: [] });
    expect(arrival.status).toBe(201);
    expect(arrival.body.poverty).toBe(false);
    expect(read.body[0].poverty).toBe(false);
  });

  it('applies a waiting mark only when its county is the registrant’s home county', async () => {
    const deps = await freshDeps();
    const request = (idNumber: string) => ({
      name: '王立学', idNumber, phone: mobilePhone(), skills: ['泥瓦工' as const], destinations: ['3305'],
      expectedWage: 4500, canTravel: true, channel: 'web' as const,
    });
    const [own, foreign] = [validIdNumber(), validIdNumber()];
    // A mark left by another county (written before imports checked residence) and one by the home county.
    await deps.db.entities.povertyMark.put({ idHash: await deps.hasher.hash(foreign), county: '510821', importedAt: new Date().toISOString() }).go();
    await deps.db.entities.povertyMark.put({ idHash: await deps.hasher.hash(own), county: '510822', importedAt: new Date().toISOString() }).go();
    const foreignMarked = await registerLabourer(deps, request(foreign));
    const ownMarked = await registerLabourer(deps, request(own));
    expect(foreignMarked.poverty).toBe(false);
    expect(ownMarked.poverty).toBe(true);
  });

  it('refuses a file without an ID column, an empty body, and another county', async () => {
    const noColumn = await importCsv('name\n王立学\n');
    const empty = await importCsv('');
    const other = await importCsv(`idNumber\n${validIdNumber()}\n`, COORDINATOR, '?county=330502');
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.error.details[0].path).toBe('idNumber');
    expect(empty.status).toBe(400);
    expect(other.status).toBe(403);
  });
});
