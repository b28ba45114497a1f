// `npm start -- --demo`: a small demo county (青川县, Guangyuan, Sichuan — 510822) with labourers registered through
// the same service as the web form. Safe to load twice: already registered people are skipped.
import { idNumberChecksum } from '../../functions/domain/id-number.js';
import type { Skill } from '../../functions/domain/skills.js';
import { ConflictError } from '../../functions/domain/errors.js';
import { depsFromEnv } from '../../functions/services/deps.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { createPost, listEmployerVacancies, postVacancy } from '../../functions/services/manage-vacancies.js';

const DEMO_EMPLOYER = 'demo-huzhou-build';

/** Supply for the demo: jobs in Huzhou, Dongguan and Shenzhen, a local workshop, and a public-welfare post. */
async function loadDemoSupply(deps: ReturnType<typeof depsFromEnv>): Promise<number> {
  if ((await listEmployerVacancies(deps, DEMO_EMPLOYER)).length > 0) return 0;
  const start = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const jobs = [
    { title: '湖州建筑工地瓦工', skills: ['泥瓦工', '钢筋工'] as Skill[], county: '330502', openings: 6, monthlyWage: 6500 },
    { title: '东莞制衣厂缝纫工', skills: ['缝纫工', '普工'] as Skill[], county: '441900', openings: 4, monthlyWage: 4800 },
    { title: '深圳电子厂装配', skills: ['电子装配', '普工'] as Skill[], county: '440306', openings: 5, monthlyWage: 5200 },
    { title: '青川扶贫车间', skills: ['普工', '种植'] as Skill[], county: DEMO_COUNTY, openings: 3, monthlyWage: 2600 },
  ];
  for (const job of jobs) {
    await postVacancy(deps, { ...job, employerId: DEMO_EMPLOYER, employerKind: job.county === DEMO_COUNTY ? 'workshop' : 'enterprise', startDate: start });
  }
  await createPost(deps, {
    title: '疫情防控卡口值守', county: DEMO_COUNTY, openings: 3, monthlyWage: 2000, months: 3, poorShareMin: 0.6, startDate: start, skills: ['普工'],
  });
  return jobs.length + 1;
}

export const DEMO_COUNTY = '510822';

const PEOPLE: { name: string; skills: Skill[]; destinations: string[]; wage: number; canTravel?: boolean }[] = [
  { name: '王立学', skills: ['泥瓦工'], destinations: ['3305'], wage: 4500 },
  { name: '李芳', skills: ['缝纫工'], destinations: ['4419'], wage: 4500 },
  { name: '张建国', skills: ['电工', '焊工'], destinations: ['33'], wage: 6000 },
  { name: '刘秀英', skills: ['普工'], destinations: ['4419', '4403'], wage: 4000 },
  { name: '陈强', skills: ['钢筋工'], destinations: ['3305'], wage: 5500 },
  { name: '杨桂兰', skills: ['保洁'], destinations: [], wage: 2500, canTravel: false },
  { name: '赵德明', skills: ['司机'], destinations: ['5101'], wage: 5000 },
  { name: '黄丽', skills: ['电子装配'], destinations: ['4403'], wage: 4800 },
  { name: '周大勇', skills: ['搬运工', '普工'], destinations: ['44'], wage: 4200 },
  { name: '吴春花', skills: ['种植', '养殖'], destinations: [], wage: 2200, canTravel: false },
];

export async function loadDemoCounty(): Promise<{ labourers: number; vacancies: number }> {
  const deps = depsFromEnv();
  let added = 0;
  for (const [i, person] of PEOPLE.entries()) {
    const first17 = `${DEMO_COUNTY}${1975 + i}0${(i % 9) + 1}1${i}00${i % 10}`.slice(0, 17);
    try {
      await registerLabourer(deps, {
        name: person.name,
        idNumber: first17 + idNumberChecksum(first17),
        phone: `1380822${String(1000 + i).padStart(4, '0')}`,
        skills: person.skills,
        destinations: person.destinations,
        expectedWage: person.wage,
        canTravel: person.canTravel ?? true,
        channel: 'web',
        povertySelfDeclared: i % 3 === 0,
      });
      added++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { labourers: added, vacancies: await loadDemoSupply(deps) };
}
