// POST /labourers/poverty-import: the county's poverty list marks registered labourers and pre-marks the rest.
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../helpers/local-api.js';
import { registrationBody, validIdNumber } from '../helpers/people.js';

const COORDINATOR = 'dev:coordinator:510822';

const local = useTestSystem();
const { api } = local;

const importCsv = (csv: string, token = COORDINATOR, query = '') =>
  api('POST', `/labourers/poverty-import${query}`, { token, body: csv, contentType: 'text/csv' });

describe('POST /labourers/poverty-import', () => {
  it('marks the county’s registered labourers, pre-marks unregistered IDs and reports bad rows', async () => {
    // prepare
    const registered = registrationBody();
    const elsewhere = registrationBody({ idNumber: validIdNumber('330502') });
    const created = await api('POST', '/labourers', { json: registered });
    await api('POST', '/labourers', { json: elsewhere });
    const later = validIdNumber();
    const csv = ['idNumber,name', `${registered.idNumber},王立学`, `${elsewhere.idNumber},外县`, `${later},李芳`, '123,坏行', `${registered.idNumber.toLowerCase()},重复`].join('\n');
    // act
    const res = await importCsv(csv);
    const read = await api('GET', `/labourers/${created.body.id}`, { token: COORDINATOR });
    const arrival = await api('POST', '/labourers', { json: registrationBody({ idNumber: later }) });
    // assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matched: 1, unmatched: 1, otherCounty: 1 });
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
