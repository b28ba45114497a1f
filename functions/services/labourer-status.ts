// A labourer's status moves along registered → offered → accepted → travelling (and back on a decline,
// an expiry or a freed seat). Each move is a transaction part conditional on the status it leaves,
// so two concurrent moves cannot both happen.
import type { LABOURER_STATUSES } from '#store/entities/labourer.js';
import type { TxPart } from '#store/transact.js';

type Status = (typeof LABOURER_STATUSES)[number];

export function moveLabourer(
  who: { labourerId: string; homeCounty: string },
  from: Status,
  to: Status,
  options: { onlyIfSubscribed?: boolean } = {},
): TxPart {
  return {
    name: 'labourerStatus',
    item: ({ labourer }) =>
      labourer
        .patch({ labourerId: who.labourerId })
        .set({ status: to })
        // The county index is keyed on status: a status change rebuilds its key.
        .composite({ homeCounty: who.homeCounty })
        .where((a, { eq }) => (options.onlyIfSubscribed ? `${eq(a.status, from)} AND ${eq(a.optedOut, false)}` : eq(a.status, from)))
        .commit(),
  };
}
