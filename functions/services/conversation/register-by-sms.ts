// Registration by SMS: the fields of this message merged with the phone's draft; when name and ID number
// are both there, the same registration as the web form (same validation, same uniqueness guards).
import { ValidationError } from '#domain/errors.js';
import { missingForRegistration, type RegistrationFields } from '#domain/sms/parse-sms.js';
import type { LabourerView } from '../labourer-view.js';
import { prepareRegistration } from '../register-labourer.js';
import { deleteDraftPart, loadDraft, mergeFields, saveDraftPart, toDraftFields } from './sms-draft.js';
import { reply, replyOnly, type InboundContext, type Plan } from './plan.js';

const ID_PROBLEMS = {
  format: '位数或格式不对',
  checksum: '校验位不对',
  'birth-date': '中的出生日期不对',
  region: '的地区码不存在',
  'first-generation': '是15位老号码',
} as const;

const MISSING_NAMES = { name: '姓名', idNumber: '身份证号' } as const;

export async function registerBySms(
  ctx: InboundContext,
  fields: RegistrationFields,
  options: { explicit: boolean; registered: LabourerView | undefined },
): Promise<Plan> {
  const intent = 'register';
  if (options.registered) {
    return options.explicit
      ? replyOnly(ctx, intent, 'alreadyRegistered', { name: options.registered.name }, options.registered.homeCounty)
      : replyOnly(ctx, 'help', 'help', {});
  }
  const draft = await loadDraft(ctx);
  // Without the keyword, a message continues a draft, or starts one only if it carries an ID number.
  if (!options.explicit && !draft && !fields.idNumber && !fields.invalidIdNumber) return replyOnly(ctx, 'help', 'help', {});

  const merged = mergeFields(draft, await toDraftFields(ctx, fields));
  if (merged.invalidIdNumber) {
    return { intent, parts: [saveDraftPart(ctx, merged), reply(ctx, 'invalidIdNumber', { problem: ID_PROBLEMS[merged.invalidIdNumber.reason] })] };
  }
  const missing = missingForRegistration(merged);
  if (missing.length > 0) {
    const names = missing.map((m) => MISSING_NAMES[m]).join('和');
    return { intent, parts: [saveDraftPart(ctx, merged), reply(ctx, 'askFor', { missing: names })] };
  }

  let prepared;
  try {
    prepared = await prepareRegistration(
      ctx.deps,
      {
        name: merged.name!,
        idNumber: merged.idNumber!,
        phone: ctx.phone,
        // A labourer who names no trade is offered general labour (普工) posts.
        skills: merged.skills.length > 0 ? merged.skills : ['普工'],
        destinations: merged.destinations.map((d) => d.code),
        expectedWage: merged.expectedWage ?? 0,
        availableFrom: merged.availableFrom,
        canTravel: !merged.localOnly,
        channel: 'sms',
        povertySelfDeclared: merged.povertySelfDeclared,
      },
      ctx.inboundMessageId,
    );
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problem = error.details[0]?.message ?? error.message;
    return { intent, parts: [saveDraftPart(ctx, merged), reply(ctx, 'registrationProblem', { problem })] };
  }

  return {
    intent,
    parts: [...prepared.parts, deleteDraftPart(ctx)],
    // The ID number belongs to another phone (→ explain 换号), or this phone registered meanwhile.
    onRefused: (failed) =>
      failed.has('idGuard')
        ? { intent, parts: [deleteDraftPart(ctx), reply(ctx, 'idTaken', {})] }
        : { intent, parts: [deleteDraftPart(ctx), reply(ctx, 'alreadyRegistered', { name: merged.name! })] },
  };
}
