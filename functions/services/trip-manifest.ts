// The passenger list for the driver and the medical escort: seat, name, masked ID number, phone, job, and
// the day's roll call: grouped by pickup stop (route order), with each passenger's check-in (已上车 / 未到).
// UTF-8 with a byte-order mark so Excel opens the Chinese correctly.
import type { Deps } from './deps.js';
import type { TripView } from './trip-view.js';

const HEADER = ['座位', '姓名', '身份证号（脱敏）', '手机', '目的地', '用工岗位', '上车点', '签到'];
const BOARDING = { present: '已上车', absent: '未到' } as const;

function csvCell(value: string | number): string {
  const text = String(value);
  // Quote what CSV needs quoted; a leading = + - @ could run as a formula in Excel.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export async function tripManifestCsv(deps: Pick<Deps, 'db'>, trip: TripView): Promise<string> {
  const { data: seats } = await deps.db.entities.seat.query.byTrip({ tripId: trip.id }).go({ pages: 'all' });
  const { data: people } =
    seats.length > 0
      ? await deps.db.entities.labourer.get(seats.map((s) => ({ labourerId: s.labourerId }))).go()
      : { data: [] };
  const byId = new Map(people.map((p) => [p.labourerId, p]));
  const stopName = new Map(trip.stops.map((s) => [s.code ?? s.name, s.name]));
  const stopOrder = new Map(trip.stops.map((s, i) => [s.name, i]));
  const pickupOf = new Map(trip.riders.map((r) => [r.labourerId, stopName.get(r.pickup) ?? r.pickup]));
  const pickup = (labourerId: string) => pickupOf.get(labourerId) ?? trip.pickupPoint;
  const rows = seats
    .sort((a, b) => (stopOrder.get(pickup(a.labourerId)) ?? 99) - (stopOrder.get(pickup(b.labourerId)) ?? 99) || a.seatNo - b.seatNo)
    .map((s) => {
      const p = byId.get(s.labourerId);
      // National digits: the driver dials them, and a leading + would make Excel read a formula.
      const phone = p?.phone.replace(/^\+86/, '') ?? '';
      return [s.seatNo, p?.name ?? '', p?.idNumberMasked ?? '', phone, trip.destinationName, s.vacancyTitle, pickup(s.labourerId), s.boarding ? BOARDING[s.boarding] : ''];
    });
  const title = [`${trip.date} ${trip.departureTime} ${trip.pickupPoint} → ${trip.destinationName}`, trip.vehiclePlate ?? '', trip.escort ?? ''];
  return '\uFEFF' + [title, HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
