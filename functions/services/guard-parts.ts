// The uniqueness guards of a labourer as transaction parts, in one place: registration, 换号 and a
// coordinator's phone edit create and drop them the same way (and keep the phone search indexed).
import type { TxPart } from '#store/transact.js';

/** `+8613800138000` → `00083100831`: the national digits reversed, for "ends with" searches. */
export function reversedDigits(e164: string): string {
  return [...e164.replace(/^\+86/, '')].reverse().join('');
}

export function phoneGuardCreate(phone: string, county: string, labourerId: string, name = 'phoneGuard'): TxPart {
  return {
    name,
    item: ({ uniqueGuard }) => uniqueGuard.create({ kind: 'phone', value: phone, labourerId, county, digitsReversed: reversedDigits(phone) }).commit(),
  };
}

/** Drops a phone's guard only if it is still this labourer's. */
export function phoneGuardDelete(phone: string, labourerId: string, name = 'oldPhoneGuard'): TxPart {
  return {
    name,
    item: ({ uniqueGuard }) =>
      uniqueGuard
        .delete({ kind: 'phone', value: phone })
        .where((attr, { eq }) => eq(attr.labourerId, labourerId))
        .commit(),
  };
}

export function idGuardCreate(idHash: string, county: string, labourerId: string): TxPart {
  return {
    name: 'idGuard',
    item: ({ uniqueGuard }) => uniqueGuard.create({ kind: 'idNumber', value: idHash, labourerId, county, digitsReversed: '' }).commit(),
  };
}
