// Identifiers: ULIDs sort by creation time, which keeps listings in registration order.
import { monotonicFactory } from 'ulid';

export type IdGenerator = () => string;

export const newId: IdGenerator = monotonicFactory();
