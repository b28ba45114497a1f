// POST /broadcasts, POST /broadcasts/preview, GET /broadcasts?county=: a coordinator's 群发 to a segment of
// the county's labourers (services/broadcasts.ts). A big one answers 202 with the job to follow.
import { DEFAULT_SMS_DAILY_BUDGET_PER_COUNTY, ENV, positiveIntegerEnv } from '#config/env.js';
import { createBroadcast, listBroadcasts, previewBroadcast, type BroadcastInput } from '#services/broadcasts.js';
import type { Deps } from '#services/deps.js';
import { jsonResponse } from '../error-response.js';
import type { HttpEvent, HttpResult } from '../middleware.js';
import { actorOf, resolveCounty, type Principal } from '../principal.js';
import { BroadcastBody, ListBroadcastsQuery } from '../schemas/broadcasts.js';
import { validate } from '../validate.js';

type CountyStaff = Extract<Principal, { role: 'coordinator' | 'admin' }>;

function input(event: HttpEvent, who: CountyStaff): BroadcastInput {
  const body = validate(BroadcastBody, event.body, '群发');
  return {
    county: resolveCounty(who, body.county),
    segment: body.segment,
    text: body.text,
    ...(body.sendAt ? { sendAt: new Date(body.sendAt).toISOString() } : {}),
  };
}

export async function previewBroadcastRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  // The notifier's budget (outbox-stream-handler.ts), from the same setting.
  const budget = { perCountyPerDay: positiveIntegerEnv(ENV.smsDailyBudgetPerCounty, DEFAULT_SMS_DAILY_BUDGET_PER_COUNTY) };
  return jsonResponse(200, await previewBroadcast(deps, input(event, who), budget));
}

export async function postBroadcastRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const started = await createBroadcast(deps, input(event, who), actorOf(who));
  const { id, recipients, optedOut, unreachable, segments, state, sendAt } = started.broadcast;
  const answer = { id, recipients, optedOut, unreachable, segments, state, ...(sendAt ? { sendAt } : {}) };
  if (started.ran === 'now') return jsonResponse(201, answer);
  return jsonResponse(202, { ...answer, jobId: started.job.jobId }, { location: `/jobs/${started.job.jobId}` });
}

export async function listBroadcastsRoute(deps: Deps, event: HttpEvent, who: CountyStaff): Promise<HttpResult> {
  const query = validate(ListBroadcastsQuery, event.queryStringParameters ?? {}, '查询条件');
  return jsonResponse(200, await listBroadcasts(deps, resolveCounty(who, query.county)));
}
