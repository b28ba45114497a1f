// Reading labourers back: one by id, one by phone, or a county's list page by page.
import { labourerEntity, type LABOURER_STATUSES } from '#store/entities/labourer.js';
import { checkedCursor } from '#store/page-cursor.js';
import type { Deps } from './deps.js';
import { toLabourerView, type LabourerView } from './labourer-view.js';

type Status = (typeof LABOURER_STATUSES)[number];

export async function getLabourer(deps: Deps, labourerId: string): Promise<LabourerView | undefined> {
  const { data } = await deps.db.entities.labourer.get({ labourerId }).go();
  return data ? toLabourerView(data) : undefined;
}

/** `phone` must already be E.164; the phone guard item says who holds it. */
export async function findLabourerByPhone(deps: Deps, phone: string): Promise<LabourerView | undefined> {
  const { data } = await deps.db.entities.uniqueGuard.get({ kind: 'phone', value: phone }).go();
  return data ? getLabourer(deps, data.labourerId) : undefined;
}

export interface CountyPage {
  items: LabourerView[];
  cursor: string | null;
}

export async function listCountyLabourers(
  deps: Deps,
  query: { county: string; status?: Status; limit: number; cursor?: string },
): Promise<CountyPage> {
  const key = { homeCounty: query.county, ...(query.status ? { status: query.status } : {}) };
  const { data, cursor } = await deps.db.entities.labourer.query
    .labourersByCounty(key)
    .go({ limit: query.limit, cursor: checkedCursor(labourerEntity, 'labourersByCounty', key, query.cursor) });
  return { items: data.map(toLabourerView), cursor };
}
