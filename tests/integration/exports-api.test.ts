// GET /labourers.xlsx and GET /offers.xlsx: real .xlsx files with Chinese headers, read back with exceljs.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestSystem } from '../helpers/local-api.js';
import { registrationBody } from '../helpers/people.js';

const local = useTestSystem();
const { api } = local;
const token = 'dev:coordinator:510822';

async function download(path: string, who = token) {
  const res = await fetch(new URL(path, local.system.url), { headers: { authorization: `Bearer ${who}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function readSheet(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

beforeAll(async () => {
  await api('POST', '/labourers', { token, json: registrationBody({ name: '王立学' }) });
  await api('POST', '/labourers', { token, json: registrationBody({ name: '李芳', skills: ['缝纫工'], destinations: ['4419'] }) });
  await api('POST', '/vacancies', {
    token: 'dev:employer:huzhou-build',
    json: { title: '湖州工地瓦工', skills: ['泥瓦工'], county: '330502', openings: 1, monthlyWage: 6000, startDate: '2099-03-01' },
  });
  await api('POST', '/matching/runs', { token, json: { county: '510822' } });
});

describe('GET /labourers.xlsx', () => {
  it('answers the county’s labourers as a spreadsheet with Chinese headers and a Chinese file name', async () => {
    const { res, bytes } = await download('/labourers.xlsx?county=510822');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="labourers-510822-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^青川县劳动者名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip, not base64 text

    const [header, ...rows] = await readSheet(bytes);
    expect(header!.slice(0, 10)).toEqual(['姓名', '手机号', '身份证号（脱敏）', '户籍县', '工种', '意向地', '能否外出', '期望月薪', '可到岗日期', '状态']);
    expect(header).toContain('建档立卡');
    expect(header).toContain('报名时间');
    expect(rows).toHaveLength(2);
    const fang = rows.find((r) => r[0] === '李芳')!;
    expect(fang[2]).toMatch(/^510822\*{8}\d{3}[\dX]$/);
    expect(fang[3]).toBe('青川县');
    expect(fang[4]).toBe('缝纫工');
    expect(fang[5]).toBe('东莞市');
    expect(rows.map((r) => r[9]).sort()).toEqual(['已登记', '待答复']);
  });

  it('filters by status, and is the county’s coordinator’s and the admin’s only', async () => {
    const [, ...offered] = await readSheet((await download('/labourers.xlsx?status=offered')).bytes);
    expect(offered.map((r) => r[0])).toEqual(['王立学']);
    expect((await download('/labourers.xlsx?county=510822', 'dev:coordinator:510823')).res.status).toBe(403);
    expect((await download('/labourers.xlsx?county=510822', 'dev:employer:huzhou-build')).res.status).toBe(403);
    expect((await download('/labourers.xlsx?county=510822', 'dev:admin:all')).res.status).toBe(200);
    expect((await download('/labourers.xlsx?status=gone')).res.status).toBe(400);
  });
});

describe('GET /offers.xlsx', () => {
  it('answers the county’s offers with the labourer, the job, the status and the reasons in Chinese', async () => {
    const { res, bytes } = await download('/offers.xlsx?status=offered');
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toMatch(/^青川县岗位通知-/);
    const [header, ...rows] = await readSheet(bytes);
    expect(header!.slice(0, 8)).toEqual(['姓名', '手机号', '岗位', '岗位类型', '岗位所在地', '状态', '匹配度', '匹配理由']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 6)).toEqual(['王立学', expect.stringMatching(/^1\d{10}$/), '湖州工地瓦工', '企业岗位', '吴兴区', '待答复']);
    expect(rows[0]![7]).toContain('技能匹配');
  });
});
