// Hostile input on every route of the router, with and without tokens: whatever arrives, the answer is
// never a 5xx (DESIGN §5). Seeded and bounded, so a failure replays the same way and the file stays quick.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../functions/http/router.js';
import { useTestSystem } from '../helpers/local-api.js';
import { registrationBody } from '../helpers/people.js';

// A national run without counties covers the deployment's counties: one nobody lives in, not the country.
process.env.COUNTIES = '510823';

// FUZZ_SEED / FUZZ_RUNS explore further by hand; the suite runs the fixed seed.
const SEED = Number(process.env.FUZZ_SEED ?? 20250305);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 60);

const COORDINATOR = 'dev:coordinator:510822';
const EMPLOYER = 'dev:employer:empA';
const ADMIN = 'dev:admin:all';

const local = useTestSystem();
/** Things that exist, made before the fuzzing: ids to aim at and a cursor to tamper with. */
const real = { labourer: '', job: '', post: '', cursor: '' };

beforeAll(async () => {
  real.labourer = (await local.api('POST', '/labourers', { token: COORDINATOR, json: registrationBody() })).body.id;
  await local.api('POST', '/labourers', { token: COORDINATOR, json: registrationBody() });
  real.cursor = (await local.api('GET', '/labourers?limit=1', { token: COORDINATOR })).headers.get('x-next-cursor') ?? '';
  real.job = (await local.api('POST', '/vacancies', { token: EMPLOYER, json: VALID_BODIES['POST /vacancies'] })).body.id;
  real.post = (await local.api('POST', '/posts', { token: COORDINATOR, json: VALID_BODIES['POST /posts'] })).body.id;
});

/** A well-formed body per route, so that mutating one field reaches past the shape checks. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /labourers': registrationBody(),
  'POST /vacancies': { title: '普工', skills: ['普工'], county: '510822', openings: 2, monthlyWage: 3000, startDate: '2027-03-01' },
  'PATCH /vacancies/{id}': { openings: 3, status: 'open' },
  'POST /posts': { title: '卡口值守', county: '510822', openings: 2, monthlyWage: 1800, months: 3 },
  'POST /matching/runs': { county: '510822' },
  'POST /matching/national-runs': { counties: ['510823'] },
  'POST /trips/plan': { county: '510822', capacity: 45, loadFactor: 1, pickupPoint: '县汽车站', departureTime: '07:30' },
  'PATCH /trips/{id}': { vehiclePlate: '川H12345', escort: '李医生' },
  'POST /trips/{id}/passengers': { labourerId: '01J0000000000000000000000Z', fromTripId: '01J0000000000000000000000Z' },
  'POST /trips/{id}/merge': { intoTripId: '01J0000000000000000000000Z' },
  'POST /trips/{id}/split': { labourerIds: ['01J0000000000000000000000Z'], vehicleSeats: 7 },
  'PUT /counties/{code}/pickup-points': { points: [{ code: 'QZ', name: '乔庄镇客运站' }, { name: '木鱼镇政府' }] },
  'POST /trips/{id}/boarding': { labourerId: '01J0000000000000000000000Z', present: true },
  'POST /trips/{id}/escort-token': { name: '李医生', phone: '13800138000' },
};

const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '王\uDC00立',
  '\u202E王立学',
  '\u2066王\u2069',
  '\u200B\u200B',
  '\u3000\u3000',
  '\uFEFF',
  '%00',
  '%ZZ',
  '../..',
  '{"$ne":null}',
  '9999-12-31',
  '0000-01-01',
  '+275760-09-13',
  '2024-02-30',
  '1e309',
  'x'.repeat(5_000),
  '王'.repeat(100_000),
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
);

const junk: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  text,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.array(text, { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
);

/** Any id: real ones, well-formed unknown ones, and everything an id is not. */
function pathId(): fc.Arbitrary<string> {
  const ulid = fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  return fc.oneof(
    fc.constantFrom(real.labourer, real.job, real.post).map(encodeURIComponent),
    // A county code: what a {code} parameter is.
    fc.constantFrom('510822', '510823', '000000'),
    ulid,
    ulid.map((id) => id.toLowerCase()),
    fc.constantFrom(real.labourer, real.job).map((id) => id.toLowerCase()),
    fc.constantFrom(...HOSTILE_TEXT.filter((t) => t !== '')).map(safeEncode),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(safeEncode),
    fc.constantFrom('%ZZ', '%', '%E0%A4%A', '%00', '%2F..%2F', 'x'.repeat(5_000)),
  );
}

function safeEncode(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
}

const QUERY_KEYS = ['county', 'status', 'phone', 'cursor', 'limit', 'kind', 'watch', 'q', 'from', 'to', 'id'];

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A cursor: a real one, one with a key tampered with, base64url of anything, or no base64 at all. */
function cursor(): fc.Arbitrary<string> {
  const keys = JSON.parse(Buffer.from(real.cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  return fc.oneof(
    fc.constant(real.cursor),
    fc.tuple(fc.constantFrom(...Object.keys(keys), 'extra'), junk).map(([key, value]) => base64url({ ...keys, [key]: value })),
    fc.constantFrom('not-a-cursor', '!!!', 'e30', 'bnVsbA', 'MTIz', 'W10'),
    fc.jsonValue({ maxDepth: 2 }).map(base64url),
    text,
  );
}

const queryValue = fc.oneof(text, fc.constantFrom('510822', '510823', 'job', 'post', 'registered', 'true', '13912345678', '0', '-1', '1e9', 'NaN'));

/** One hostile parameter alone (or beside a good county) gets past the others' checks; several test those. */
function query(): fc.Arbitrary<string> {
  const pair = fc.oneof(fc.tuple(fc.constant('cursor'), cursor()), fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), fc.tuple(text, text));
  return fc
    .oneof(
      { weight: 1, arbitrary: fc.constant([] as [string, string][]) },
      { weight: 3, arbitrary: pair.map((p) => [p]) },
      { weight: 2, arbitrary: pair.map((p) => [['county', '510822'] as [string, string], p]) },
      { weight: 3, arbitrary: fc.array(pair, { minLength: 2, maxLength: 4 }) },
    )
    .map((pairs) => new URLSearchParams(pairs).toString());
}

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(undefined, COORDINATOR, EMPLOYER, ADMIN) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'dev:coordinator:510823',
      'dev:coordinator:abcdef',
      'dev:employer:EMPA',
      `dev:employer:${'e'.repeat(5_000)}`,
      'dev:employer:a\u00e9\u00ff',
      'dev:employer:a%00b',
      'dev:admin:510822',
      'dev:root:all',
      'garbage',
    ),
  },
);

const CONTENT_TYPES = [
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'text/csv',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json; charset=latin1',
  '',
  'json',
];

function body(route: string): fc.Arbitrary<string | undefined> {
  const valid = VALID_BODIES[route];
  const shaped = valid
    ? fc.dictionary(fc.constantFrom(...Object.keys(valid)), junk, { maxKeys: 3 }).map((overrides) => JSON.stringify({ ...valid, ...overrides }))
    : fc.constant(undefined);
  return fc.oneof(
    fc.constant(undefined),
    shaped,
    shaped,
    junk.map((v) => JSON.stringify(v)),
    fc.constantFrom('{', '[1,', 'null', '"', 'idNumber\n510822198503150018\n', 'idNumber,name\n\u0000,\uD800\n', '\uFEFF{}'),
    text,
  );
}

interface Drawn {
  path: string;
  query: string;
  token: string | undefined;
  body: string | undefined;
  contentType: string | undefined;
}

/** Arbitraries that aim at real things are made once those exist (inside the tests). */
function request(route: { method: string; path: string }): fc.Arbitrary<Drawn> {
  const params = route.path.match(/\{[^}]+\}/g) ?? [];
  return fc.record({
    path: fc.tuple(...params.map(() => pathId())).map((ids) => params.reduce((path, param, i) => path.replace(param, ids[i]!), route.path)),
    query: query(),
    token,
    body: body(`${route.method} ${route.path}`),
    contentType: fc.constantFrom(...CONTENT_TYPES),
  });
}

async function send(method: string, req: Drawn) {
  const headers: Record<string, string> = {};
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  const url = new URL(local.system.url);
  const res = await fetch(`${url.origin}${req.path}${req.query ? `?${req.query}` : ''}`, {
    method,
    headers,
    // fetch sends no body with GET; the others get what was drawn.
    body: method === 'GET' ? undefined : req.body,
  });
  return { status: res.status, text: await res.text() };
}

/** A request in a line: hostile inputs can be megabytes. */
function describeRequest(method: string, req: Drawn, res: { status: number; text: string }): string {
  const cut = (s: string | undefined, n = 120) => (s === undefined ? '-' : s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);
  return `${method} ${cut(req.path)}?${cut(req.query)} token=${cut(req.token, 40)} type=${cut(req.contentType)} body=${cut(
    JSON.stringify(req.body),
  )} → ${res.status} ${cut(res.text, 200)}`;
}

describe('every route, hostile input', () => {
  const routes = routeTable({} as never).map((r) => ({ method: r.method, path: r.path }));

  for (const route of routes) {
    it(`${route.method} ${route.path}: never a 5xx`, async () => {
      let failure = '';
      const result = await fc.check(
        fc.asyncProperty(request(route), async (req) => {
          const res = await send(route.method, req);
          if (res.status >= 500) failure = describeRequest(route.method, req, res);
          return res.status < 500;
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
      expect(result.failed ? failure || String(result.errorInstance) : '').toBe('');
    });
  }
});

describe('the local-only simulator routes, hostile input', () => {
  const sms = fc.oneof(
    junk.map((v) => JSON.stringify(v)),
    fc.record({ from: fc.oneof(text, fc.constant('13912345678')), text: fc.oneof(text, fc.constantFrom('报名 王立学 510822198503150018 瓦工', '1', 'CX', '删除')), messageId: text }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  );
  const clock = fc.oneof(
    junk.map((v) => JSON.stringify(v)),
    fc.constantFrom('+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2101-01-01T00:00:00Z').map((now) => JSON.stringify({ now })),
  );

  for (const [path, bodies] of [['/sim/sms', sms], ['/sim/clock', clock]] as const) {
    it(`POST ${path}: never a 5xx`, async () => {
      let failure = '';
      const result = await fc.check(
        fc.asyncProperty(bodies, fc.constantFrom(...CONTENT_TYPES), async (body, contentType) => {
          const res = await fetch(new URL(path, local.system.url), { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });
          const answer = await res.text();
          if (res.status >= 500) failure = `${path} ${body.slice(0, 200)} → ${res.status} ${answer.slice(0, 200)}`;
          return res.status < 500;
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE / 2, endOnFailure: true },
      );
      expect(result.failed ? failure || String(result.errorInstance) : '').toBe('');
    });
  }
});

describe('a body past the 6 MB Lambda limit', () => {
  it('is answered 413 with connection: close, read by a client that reuses its connections', async () => {
    const url = new URL('/labourers', local.system.url);
    // fetch keeps connections alive: each refused body follows a request on the same connection.
    for (let round = 0; round < 3; round++) {
      await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).text();
      const huge = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(7 * 1024 * 1024)}"` });
      expect(huge.status).toBe(413);
      expect(huge.headers.get('connection')).toBe('close');
      expect(((await huge.json()) as { error: unknown }).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '请求体超过 6 MB' });
    }
    expect((await fetch(new URL('/health', local.system.url))).status).toBe(200);
  });
});
