// An offer as GET /offers returns it.
import type { EntityItem } from 'electrodb';
import type { offerEntity } from '#store/entities/offer.js';

export type OfferItem = EntityItem<typeof offerEntity>;

export interface OfferView {
  id: string;
  runId: string;
  labourerId: string;
  vacancyId: string;
  vacancyKind: OfferItem['vacancyKind'];
  vacancyTitle: string;
  county: string;
  vacancyCounty: string;
  status: OfferItem['status'];
  fit: number;
  reasons: string[];
  createdAt: string;
  respondBy: string;
  answeredAt?: string;
  /** A coordinator's re-sends of the offer SMS. */
  resends?: number;
  resentAt?: string;
  /** After the bus (issue #18): the trip taken, arrival, 上岗, leaving and the check-ins' answers. */
  tripId?: string;
  arrivedAt?: string;
  placedAt?: string;
  placedBy?: string;
  leftAt?: string;
  leftReason?: OfferItem['leftReason'];
  retention?: OfferItem['retention'];
  checkInUnknown?: boolean;
}

export function toOfferView(item: OfferItem): OfferView {
  return {
    id: item.offerId,
    runId: item.runId,
    labourerId: item.labourerId,
    vacancyId: item.vacancyId,
    vacancyKind: item.vacancyKind,
    vacancyTitle: item.vacancyTitle,
    county: item.county,
    vacancyCounty: item.vacancyCounty,
    status: item.status,
    fit: item.fit,
    reasons: item.reasons,
    createdAt: item.createdAt,
    respondBy: item.respondBy,
    ...(item.answeredAt ? { answeredAt: item.answeredAt } : {}),
    ...(item.resends ? { resends: item.resends, resentAt: item.resentAt } : {}),
    ...(item.tripId ? { tripId: item.tripId } : {}),
    ...(item.arrivedAt ? { arrivedAt: item.arrivedAt } : {}),
    ...(item.placedAt ? { placedAt: item.placedAt, placedBy: item.placedBy } : {}),
    ...(item.leftAt ? { leftAt: item.leftAt, leftReason: item.leftReason } : {}),
    ...(item.retention ? { retention: item.retention } : {}),
    ...(item.checkInUnknown ? { checkInUnknown: true } : {}),
  };
}
