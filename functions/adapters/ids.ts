// Identifiers: ULIDs sort by creation time, which keeps listings in registration order.
import { monotonicFactory } from 'ulid';

export type IdGenerator = () => string;

export const newId: IdGenerator = monotonicFactory();

/** What newId makes (26 Crockford base-32 characters): run ids and the like arrive in this shape. */
export const ID_PATTERN = /^[0-9A-Z]{26}$/;
