// The offer SMS, as a run sends it and a coordinator re-sends it.
import { chineseMonthDay } from '#domain/calendar.js';
import { countyByCode } from '#domain/divisions.js';
import { renderSms, type RenderedSms } from '#domain/sms/templates.js';
import type { VacancyView } from './vacancy-view.js';

export function offerSms(
  person: { name: string; homeCounty: string },
  vacancy: Pick<VacancyView, 'county' | 'title' | 'monthlyWage' | 'startDate'>,
  hours: number,
): RenderedSms {
  const place = countyByCode(vacancy.county);
  return renderSms('offer', {
    name: person.name,
    // The city says enough when the job is elsewhere; at home the county does.
    place: (place && (place.cityCode === person.homeCounty.slice(0, 4) ? place.name : place.cityName)) ?? '',
    title: vacancy.title,
    wage: vacancy.monthlyWage,
    start: chineseMonthDay(vacancy.startDate),
    hours,
  });
}
