// An ID number as a registration needs it: the keyed hash (uniqueness guard, poverty marks), the masked
// form and the region (the home county). An SMS draft keeps this instead of the number itself.
import type { ParsedIdNumber } from '#domain/id-number.js';
import type { Deps } from './deps.js';

export interface HashedIdNumber {
  idHash: string;
  /** `510822********0018`. */
  masked: string;
  /** The first 6 digits: the home county's code. */
  regionCode: string;
}

export async function hashIdNumber(deps: Pick<Deps, 'hasher'>, id: ParsedIdNumber): Promise<HashedIdNumber> {
  return { idHash: await deps.hasher.hash(id.normalized), masked: id.masked, regionCode: id.regionCode };
}
