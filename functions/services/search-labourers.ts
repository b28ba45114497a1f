// GET /labourers?q=: find a person the way a county office is asked on the phone. Every way is a key
// lookup or one index partition read a page at a time, never a scan of the county:
// - ID number: its keyed hash → the ID guard (exact; the number itself is never stored);
// - registration code: the labourer's code index (exact);
// - a whole phone number: the phone guard (exact);
// - 4–10 digits: phones of the county that START with them (the guard's prefix index) or END with them
//   (尾号, the guard's reversed-digit index). Digits only in the middle of a number are not found: that
//   would need every substring indexed, 50+ index entries a labourer;
// - anything else: names of the county that start with it (the labourer's name index).
import { ValidationError } from '#domain/errors.js';
import { readLabourerSearch } from '#domain/labourer-search.js';
import { labourerEntity } from '#store/entities/labourer.js';
import { uniqueGuardEntity } from '#store/entities/unique-guard.js';
import { checkedCursor } from '#store/page-cursor.js';
import type { Deps } from './deps.js';
import { getLabourer } from './find-labourers.js';
import { reversedDigits } from './guard-parts.js';
import { hashIdNumber } from './hashed-id-number.js';
import { toLabourerView, type LabourerView } from './labourer-view.js';

export interface SearchPage {
  items: LabourerView[];
  cursor: string | null;
}

export interface SearchRequest {
  q: string;
  /** The county searched; undefined = every county (an admin's exact lookups only). */
  county?: string;
  limit: number;
  cursor?: string;
}

const NEEDS_COUNTY = new ValidationError('查询条件有误', [{ path: 'county', message: '按姓名或部分号码查找时请指定县级行政区划代码（county）' }]);

export async function searchLabourers(deps: Deps, req: SearchRequest): Promise<SearchPage> {
  const search = readLabourerSearch(req.q, deps.clock.now());
  const inScope = (l: LabourerView | undefined): SearchPage => ({
    items: l && (req.county === undefined || l.homeCounty === req.county) ? [l] : [],
    cursor: null,
  });
  switch (search.kind) {
    case 'idNumber': {
      const { idHash } = await hashIdNumber(deps, search.id);
      return inScope(await byGuard(deps, 'idNumber', idHash));
    }
    case 'phone':
      return inScope(await byGuard(deps, 'phone', search.e164));
    case 'code': {
      const { data } = await deps.db.entities.labourer.query.labourerByCode({ registrationCode: search.code }).go({ limit: 1 });
      if (data[0] || req.county === undefined) return inScope(data[0] && toLabourerView(data[0]));
      // Eight letters and digits may also be the start of a Latin name.
      return byName(deps, req.county, search.code, req);
    }
    case 'phoneDigits':
      if (req.county === undefined) throw NEEDS_COUNTY;
      return byPhoneDigits(deps, req.county, search.digits, req);
    case 'name':
      if (req.county === undefined) throw NEEDS_COUNTY;
      return byName(deps, req.county, search.prefix, req);
  }
}

async function byGuard(deps: Deps, kind: 'idNumber' | 'phone', value: string): Promise<LabourerView | undefined> {
  const { data } = await deps.db.entities.uniqueGuard.get({ kind, value }).go();
  return data ? getLabourer(deps, data.labourerId) : undefined;
}

async function byName(deps: Deps, county: string, prefix: string, page: { limit: number; cursor?: string }): Promise<SearchPage> {
  const key = { homeCounty: county };
  const { data, cursor } = await deps.db.entities.labourer.query
    .labourersByName(key)
    .begins({ name: prefix })
    // An erased labourer has no name left to find.
    .where((attr, { notExists }) => notExists(attr.erasedAt))
    .go({ limit: page.limit, cursor: checkedCursor(labourerEntity, 'labourersByName', key, page.cursor) });
  return { items: data.map(toLabourerView), cursor };
}

/** The two phone indexes read side by side; the cursor carries where each one stopped. */
async function byPhoneDigits(deps: Deps, county: string, digits: string, page: { limit: number; cursor?: string }): Promise<SearchPage> {
  const { uniqueGuard } = deps.db.entities;
  const key = { county };
  const at = readPairCursor(page.cursor);
  const [starts, ends] = await Promise.all([
    at.prefix === null
      ? undefined
      : uniqueGuard.query
          .phonesByPrefix(key)
          .begins({ value: `+86${digits}` })
          .go({ limit: page.limit, cursor: checkedCursor(uniqueGuardEntity, 'phonesByPrefix', key, at.prefix) }),
    at.suffix === null
      ? undefined
      : uniqueGuard.query
          .phonesBySuffix(key)
          .begins({ digitsReversed: reversedDigits(digits) })
          .go({ limit: page.limit, cursor: checkedCursor(uniqueGuardEntity, 'phonesBySuffix', key, at.suffix) }),
  ]);
  const ids = [...new Set([...(starts?.data ?? []), ...(ends?.data ?? [])].map((g) => g.labourerId))];
  const { data } = ids.length > 0 ? await deps.db.entities.labourer.get(ids.map((labourerId) => ({ labourerId }))).go() : { data: [] };
  const byId = new Map(data.map((l) => [l.labourerId, toLabourerView(l)]));
  const items = ids.flatMap((id) => byId.get(id) ?? []);
  const next = { prefix: starts?.cursor ?? null, suffix: ends?.cursor ?? null };
  return { items, cursor: next.prefix === null && next.suffix === null ? null : Buffer.from(JSON.stringify(next)).toString('base64url') };
}

/** No cursor: both indexes from their start; `null` for one of them: that one is done. */
function readPairCursor(cursor: string | undefined): { prefix: string | null | undefined; suffix: string | null | undefined } {
  if (cursor === undefined || cursor === '') return { prefix: undefined, suffix: undefined };
  try {
    const pair = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const ok = (v: unknown) => v === null || typeof v === 'string';
    if (pair && typeof pair === 'object' && ok((pair as { prefix?: unknown }).prefix) && ok((pair as { suffix?: unknown }).suffix)) {
      return pair as { prefix: string | null; suffix: string | null };
    }
  } catch {
    // Not a cursor of ours.
  }
  throw new ValidationError('查询条件有误', [{ path: 'cursor', message: '翻页游标无效，请不带 cursor 从第一页重新查询' }]);
}
