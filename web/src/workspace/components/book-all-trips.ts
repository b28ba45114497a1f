// 全部预订: every proposed trip of the county booked at once (POST /trips/book {county}). A few answer at
// once; more run in the background (202 {jobId}) with a progress bar until the result: trips booked,
// seats, and each trip not booked with its reason (named by its day, time and destination); a repeated
// click with nothing left to book says so.
import { ApiError, get, request, type BulkBooking, type JobStarted, type Trip } from '../../api.js';
import { busy, h, replace, text, toast } from '../../dom.js';
import { msg, t } from '../../i18n.js';
import type { Workspace } from '../workspace.js';
import { followJob } from './job-progress.js';

export function bookAllTrips(ws: Workspace, onBooked: () => Promise<void>): HTMLElement {
  const button = h('button', { type: 'button', class: 'button', 'data-testid': 'book-all-trips' }, text('coord.trips.bookAll'));
  const result = h('div', { class: 'result', 'data-testid': 'book-all-result', 'aria-live': 'polite' });
  button.addEventListener('click', () =>
    void busy(button, async () => {
      const answer = await request<BulkBooking | JobStarted>('POST', '/trips/book', { ...ws.opts, json: { county: ws.county() } });
      let booking = answer.data as BulkBooking;
      if (answer.status === 202) {
        const job = await followJob<BulkBooking>(result, (answer.data as JobStarted).jobId, ws.opts, (j) =>
          msg('job.progress.trips', { done: j.done, total: j.total }),
        );
        if (job.state === 'failed' || !job.result) {
          const reason = job.error ?? t('job.failed');
          replace(result, h('p', { class: 'error' }, reason));
          await onBooked();
          throw new ApiError(500, 'JOB_FAILED', reason);
        }
        booking = job.result;
      }
      const nothing = booking.booked === 0 && booking.failed.length === 0;
      const line = nothing ? msg('coord.trips.bookAllNothing') : msg('coord.trips.bookAllResult', { booked: booking.booked, seats: booking.seats });
      const label = await busLabels(booking.failed.length > 0);
      replace(
        result,
        h('p', null, text(line)),
        booking.failed.length
          ? h('details', { open: true }, h('summary', null, text(msg('coord.trips.bookAllFailed', { n: booking.failed.length }))),
              h('ul', null, booking.failed.slice(0, 50).map((f) => h('li', null, `${label(f.tripId)}：${f.reason}`))))
          : null,
      );
      toast(text(line));
      await onBooked();
    }),
  );
  /** "12月24日 07:30 → 深圳市" for a bus of the county (its short number when the list cannot be read). */
  async function busLabels(needed: boolean): Promise<(tripId: string) => string> {
    const trips = needed ? await get<Trip[]>('/trips', { ...ws.opts, query: { county: ws.county() } }).catch(() => [] as Trip[]) : [];
    const byId = new Map(trips.map((trip) => [trip.id, trip]));
    return (tripId) => {
      const trip = byId.get(tripId);
      return trip ? `${trip.date} ${trip.departureTime ?? ''} → ${trip.destinationName ?? trip.destination}` : `#${tripId.slice(-4)}`;
    };
  }

  return h('div', { class: 'row wrap' }, button, h('span', { class: 'muted' }, text('coord.trips.bookAllHelp')), result);
}
