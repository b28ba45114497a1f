// One worker's stage as the employer's list shows it (GET /vacancies/{id}/workers), from the offer and the
// labourer: offered, accepted, on a bus, arrived, at work, left, never arrived.
export const WORKER_STATUSES = ['offered', 'accepted', 'travelling', 'arrived', 'placed', 'left', 'not_arrived'] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

export function workerStatus(offerStatus: string, labourerStatus: string | undefined): WorkerStatus | undefined {
  if (offerStatus === 'offered') return 'offered';
  if (offerStatus === 'placed') return 'placed';
  if (offerStatus === 'left') return 'left';
  if (offerStatus === 'not_arrived') return 'not_arrived';
  if (offerStatus !== 'accepted') return undefined;
  if (labourerStatus === 'travelling') return 'travelling';
  if (labourerStatus === 'arrived') return 'arrived';
  return 'accepted';
}
