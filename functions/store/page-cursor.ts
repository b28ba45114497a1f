// A page cursor handed back by a client. ElectroDB passes whatever base64url-decodes to JSON on to DynamoDB
// as ExclusiveStartKey, and DynamoDB fails on a key it could not have made (a 500). So a cursor is taken
// only if it is exactly the keys ElectroDB makes for an item of this access pattern, inside the query's
// partition (and sort-key prefix), with keys DynamoDB accepts; anything else is the caller's mistake.
import { isDeepStrictEqual } from 'node:util';
import { createConversions, type Entity, type Schema } from 'electrodb';
import { ValidationError } from '#domain/errors.js';

/** DynamoDB's limit on a sort key (a partition key may be 2048 bytes; keys here stay under the smaller). */
const MAX_KEY_BYTES = 1024;

export function checkedCursor<A extends string, F extends string, C extends string, S extends Schema<A, F, C>>(
  entity: Entity<A, F, C, S>,
  accessPattern: keyof S['indexes'],
  query: Record<string, string | undefined>,
  cursor: string | undefined,
): string | null {
  if (cursor === undefined || cursor === '') return null;
  const conversions = createConversions(entity).byAccessPattern[accessPattern];
  try {
    const keys = conversions.fromCursor.toKeys(cursor);
    const composite = conversions.fromCursor.toComposite<Record<string, unknown>>(cursor);
    const remade = conversions.fromComposite.toKeys(composite as never, { strict: 'all' });
    const inQuery = Object.entries(query).every(([name, value]) => value === undefined || composite[name] === value);
    const fits = Object.values(remade).every((key) => typeof key === 'string' && Buffer.byteLength(key) <= MAX_KEY_BYTES);
    if (inQuery && fits && isDeepStrictEqual(keys, remade)) return cursor;
  } catch {
    // ElectroDB could not read it as keys of this index: not a cursor of ours.
  }
  throw new ValidationError('查询条件有误', [{ path: 'cursor', message: '翻页游标无效，请不带 cursor 从第一页重新查询' }]);
}
