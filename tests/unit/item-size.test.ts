import { describe, expect, it } from 'vitest';
import { itemSize, writeUnits } from '../bench/item-size.js';

describe('DynamoDB billed item size', () => {
  it('counts names and UTF-8 string values', () => {
    expect(itemSize({ pk: { S: 'abc' }, name: { S: '王立学' } })).toBe(2 + 3 + 4 + 9);
  });

  it('counts numbers by significant digits and booleans as one byte', () => {
    expect(itemSize({ n: { N: '4500' } })).toBe(1 + 2);
    expect(itemSize({ b: { BOOL: true } })).toBe(2);
  });

  it('adds list and map overheads', () => {
    expect(itemSize({ l: { L: [{ S: 'ab' }] } })).toBe(1 + 3 + 1 + 2);
    expect(itemSize({ m: { M: { k: { S: 'v' } } } })).toBe(1 + 3 + 1 + 1 + 1);
  });

  it('bills one unit per started KB, doubled in a transaction', () => {
    const small = { pk: { S: 'x' } };
    const big = { pk: { S: 'x'.repeat(1500) } };
    expect(writeUnits(small, false)).toBe(1);
    expect(writeUnits(small, true)).toBe(2);
    expect(writeUnits(big, true)).toBe(4);
  });
});
