// The supply side: an employer's job vacancy or a county's public-welfare post (公益岗位).
// `filled` counts accepted offers and `offered` the outstanding ones; `remaining` = openings − filled −
// offered is kept beside them so every change can be a conditional update (never below zero).
import { Entity } from 'electrodb';
import { SERVICE } from './service-name.js';

export const VACANCY_KINDS = ['job', 'post'] as const;
export const VACANCY_STATUSES = ['open', 'closed', 'ended'] as const;
/** 企业, 扶贫车间 (poverty-alleviation workshop), 龙头企业 (leading enterprise). */
export const EMPLOYER_KINDS = ['enterprise', 'workshop', 'leading'] as const;

export const vacancyEntity = new Entity({
  model: { entity: 'vacancy', version: '1', service: SERVICE },
  attributes: {
    vacancyId: { type: 'string', required: true, readOnly: true },
    kind: { type: VACANCY_KINDS, required: true, readOnly: true },
    /** `employer:<id>` for jobs, `county:<code>` for public-welfare posts: who may change it. */
    ownerId: { type: 'string', required: true, readOnly: true },
    employerId: { type: 'string', readOnly: true },
    employerKind: { type: EMPLOYER_KINDS },
    title: { type: 'string', required: true },
    skills: { type: 'list', items: { type: 'string' }, required: true },
    county: { type: 'string', required: true, readOnly: true },
    openings: { type: 'number', required: true },
    filled: { type: 'number', required: true, default: 0 },
    offered: { type: 'number', required: true, default: 0 },
    remaining: { type: 'number', required: true },
    /** Posts: places filled or offered to non-poor labourers (capped by poorShareMin). */
    nonPoorCommitted: { type: 'number', required: true, default: 0 },
    monthlyWage: { type: 'number', required: true },
    startDate: { type: 'string', required: true },
    /** Posts: the term in months (3–6) and the date it ends. */
    months: { type: 'number' },
    endDate: { type: 'string' },
    /** Posts: the least share of places that must go to poor-household labourers. */
    poorShareMin: { type: 'number' },
    status: { type: VACANCY_STATUSES, required: true },
    createdAt: { type: 'string', required: true, readOnly: true },
  },
  // Keys keep their case (ElectroDB lowercases them by default): employer ids are case-sensitive.
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['vacancyId'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
    /** The county's supply for coordinators and matching: one county, optionally one kind. */
    vacanciesByCounty: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['county'], casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['kind', 'vacancyId'], casing: 'none' },
    },
    /** Every open vacancy and post in the country, by county: what a matching run can offer. */
    openVacancies: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['status'], casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['county', 'vacancyId'], casing: 'none' },
    },
    /** An employer's own vacancies (and a county's own posts). */
    vacanciesByOwner: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['ownerId'], casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['vacancyId'], casing: 'none' },
    },
  },
});
