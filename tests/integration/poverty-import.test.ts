// POST /labourers/poverty-import: the county's poverty list marks registered labourers and pre-marks the rest.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
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
    expect(res.body.errors).toEqual([{ row: 5, message: '第5行（坏行）：身份证号码应为 18 位（最后一位可以是 X）' }]);
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

/** The file as it is, bytes and all (the pages upload files as application/octet-stream). */
async function uploadFile(bytes: Uint8Array, contentType = 'application/octet-stream', token = COORDINATOR) {
  const res = await fetch(new URL('/labourers/poverty-import', local.system.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('POST /labourers/poverty-import with what an office has', () => {
  it('reads a GBK CSV saved by Excel, with 身份证号码 and 姓名 columns, and names bad rows in Chinese', async () => {
    const registered = registrationBody();
    await api('POST', '/labourers', { json: registered, token: COORDINATOR });
    const bad = `${validIdNumber().slice(0, 17)}${validIdNumber().endsWith('0') ? '1' : '0'}`;
    const csv = ['姓名,身份证号码,家庭住址', `王立学,${registered.idNumber},青川县乔庄镇`, `李芳,${validIdNumber()},青川县木鱼镇`, `张秀英,${bad},青川县`].join('\r\n');
    const res = await uploadFile(iconv.encode(csv, 'gbk'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matched: 1, unmatched: 1, notResident: 0 });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatchObject({ row: 4, message: expect.stringMatching(/^第4行（张秀英）：身份证号码/) });
  });

  it('reads UTF-8 with a byte-order mark and a title row above the header (公民身份号码)', async () => {
    const csv = `\uFEFF青川县2027年建档立卡户名单\n序号,户主姓名,公民身份号码\n1,王立学,${validIdNumber()}\n`;
    const res = await uploadFile(Buffer.from(csv, 'utf8'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unmatched: 1, errors: [] });
  });

  it('tells how to upload a GBK file that was sent as text, instead of missing its column', async () => {
    const res = await uploadFile(iconv.encode(`身份证号\n${validIdNumber()}\n`, 'gbk'), 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('不是 UTF-8 编码');
    expect(res.body.error.details[0].message).toContain('application/octet-stream');
  });

  it('reads an .xlsx: text IDs, an ID Excel stored as a number, and a wrong one, each named', async () => {
    const registered = registrationBody();
    await api('POST', '/labourers', { json: registered, token: COORDINATOR });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['青川县建档立卡名单']);
    sheet.addRow(['姓名', '身份证号']);
    sheet.addRow(['王立学', registered.idNumber]);
    sheet.addRow(['李芳', validIdNumber()]);
    sheet.addRow(['赵军', Number(validIdNumber().slice(0, 17))]);
    sheet.addRow(['钱多', '51082219850315001']);
    const res = await uploadFile(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matched: 1, unmatched: 1 });
    expect(res.body.errors).toEqual([
      { row: 5, message: expect.stringMatching(/^第5行（赵军）：身份证号被 Excel 存成了数字/) },
      { row: 6, message: '第6行（钱多）：身份证号码应为 18 位（最后一位可以是 X）' },
    ]);
  });

  it('says which columns it found when none is an ID column, and refuses a broken .xlsx', async () => {
    const res = await uploadFile(iconv.encode('姓名,电话\n王立学,13800138000\n', 'gbk'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('没有找到身份证号列');
    expect(res.body.error.details[0].message).toContain('第一行是：姓名、电话');
    const broken = await uploadFile(Buffer.from('PK\x03\x04 not really a workbook'), XLSX);
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toBe('Excel 文件无法读取');
  });
});
