// Write units of one registration: the items of its transaction, billed by AWS's rule (item-size.ts),
// with DynamoDB Local's own ConsumedCapacity reported beside it, and the phone verification's writes.
import type { AttributeValue, DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { hmacIdHasher } from '../../functions/adapters/id-hasher.js';
import { newId } from '../../functions/adapters/ids.js';
import { idNumberChecksum } from '../../functions/domain/id-number.js';
import { registerLabourer } from '../../functions/services/register-labourer.js';
import { checkVerificationCode, sendVerificationCode } from '../../functions/services/verify-phone.js';
import { createDb } from '../../functions/store/db.js';
import { ensureTable } from '../../bin/local/dynamodb-local.js';
import { writeUnits } from './item-size.js';

export interface RegistrationCost {
  writeUnits: number;
  items: number;
  localConsumedCapacity: number | null;
  /** The phone verification's own writes (rate counters, the code, its SMS, the check's spent try). */
  verificationWriteUnits: number;
}

function itemsOf(write: TransactWriteItem) {
  const item = write.Put?.Item ?? write.Update?.Key ?? write.Delete?.Key ?? write.ConditionCheck?.Key;
  return item ? [item] : [];
}

export async function measureRegistrationCost(client: DynamoDBClient): Promise<RegistrationCost> {
  const table = `bench-registration-${Date.now()}`;
  await ensureTable(client, table);
  let written: TransactWriteItem[] = [];
  let consumed: number | null = null;
  /** Single writes, billed alone: a put by its item's size; an update or delete of our small items (counters, codes: far under 1 KB) as 1. */
  let singleWriteUnits = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'PutItemCommand') singleWriteUnits += writeUnits((args.input as { Item: Record<string, AttributeValue> }).Item, false);
      if (context.commandName === 'UpdateItemCommand' || context.commandName === 'DeleteItemCommand') singleWriteUnits += 1;
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      const input = args.input as { TransactItems: TransactWriteItem[]; ReturnConsumedCapacity?: string };
      written = input.TransactItems;
      input.ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const capacity = (out.output as { ConsumedCapacity?: { CapacityUnits?: number }[] }).ConsumedCapacity;
      consumed = capacity?.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0) ?? null;
      return out;
    },
    // At the serialize step the Document client has already marshalled the items.
    { step: 'serialize', priority: 'high', name: 'captureTransaction' },
  );
  const deps = { db: createDb(client, table), hasher: hmacIdHasher('bench'), clock: { now: () => new Date() }, newId };
  await sendVerificationCode(deps, '13800138000', '198.51.100.7');
  // The registration's check spends a try before comparing (one conditional update), right code or wrong.
  await checkVerificationCode(deps, '+8613800138000', '000000').catch(() => undefined);
  const verificationWriteUnits = singleWriteUnits;
  // A long name and many places: the costliest realistic registration.
  const first17 = '51082219850315001';
  await registerLabourer(
    deps,
    {
      name: '阿依古丽买买提',
      idNumber: first17 + idNumberChecksum(first17),
      phone: '13800138000',
      skills: ['电工', '焊工', '水暖工', '电子装配'],
      destinations: ['3305', '4419', '4403', '330502', '44'],
      expectedWage: 6500,
      availableFrom: '2027-02-20',
      canTravel: true,
      channel: 'web',
    },
  );
  const items = written.flatMap(itemsOf);
  return {
    writeUnits: items.reduce((sum, item) => sum + writeUnits(item, true), 0),
    items: items.length,
    localConsumedCapacity: consumed,
    verificationWriteUnits,
  };
}
