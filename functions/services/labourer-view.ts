// A stored labourer as every route returns it (DESIGN §5): masked ID only, never the hash.
import type { EntityItem } from 'electrodb';
import type { labourerEntity } from '#store/entities/labourer.js';

export type LabourerItem = EntityItem<typeof labourerEntity>;

export interface LabourerView {
  id: string;
  name: string;
  phone: string;
  idNumberMasked: string;
  homeCounty: string;
  skills: string[];
  destinations: { code: string; name: string }[];
  canTravel: boolean;
  expectedWage: number;
  availableFrom?: string;
  poverty: boolean;
  /** Who said so: `self` (the labourer), `import` (the county's list), `coordinator` (edited by staff). */
  povertySource?: NonNullable<LabourerItem['povertySource']>;
  /** Short code read out on the phone; absent only on labourers registered before codes existed, and erased ones. */
  registrationCode?: string;
  /** Where they board a bus. */
  pickup?: { code?: string; name: string };
  status: LabourerItem['status'];
  optedOut: boolean;
  /** Two SMS in a row came back undelivered (号码无法送达). */
  unreachable?: boolean;
  channel: LabourerItem['channel'];
  /** Registered at the office by this staff member (assisted registration). */
  registeredBy?: string;
  createdAt: string;
  /** On the follow-up watch list since (candidates for public-welfare posts or local jobs). */
  watchSince?: string;
}

export function toLabourerView(item: LabourerItem): LabourerView {
  return {
    id: item.labourerId,
    name: item.name,
    phone: item.phone,
    idNumberMasked: item.idNumberMasked,
    homeCounty: item.homeCounty,
    skills: item.skills,
    destinations: item.destinations,
    canTravel: item.canTravel,
    expectedWage: item.expectedWage,
    ...(item.availableFrom ? { availableFrom: item.availableFrom } : {}),
    poverty: item.poverty,
    ...(item.povertySource ? { povertySource: item.povertySource } : {}),
    ...(item.registrationCode ? { registrationCode: item.registrationCode } : {}),
    ...(item.pickup ? { pickup: item.pickup } : {}),
    status: item.status,
    optedOut: item.optedOut,
    ...(item.unreachable ? { unreachable: true } : {}),
    channel: item.channel,
    ...(item.registeredBy ? { registeredBy: item.registeredBy } : {}),
    createdAt: item.createdAt,
    ...(item.watchSince ? { watchSince: item.watchSince } : {}),
  };
}
