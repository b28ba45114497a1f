// Registration by SMS: the fields of this message merged with the phone's draft; when name and ID number
// are both there, the same registration as the web form (same validation, same uniqueness guards).
import { ValidationError } from '#domain/errors.js';
import { missingForRegistration, type RegistrationFields } from '#domain/sms/parse-sms.js';
import type { LabourerView } from '../labourer-view.js';
import { prepareRegistration } from '../register-labourer.js';
import type { TxPart } from '#store/transact.js';
import { statusReply } from './account-replies.js';
import { deleteDraftPart, loadDraft, mergeFields, phoneFreePart, saveDraftPart, toDraftFields } from './sms-draft.js';
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
    // A registered person's message without the keyword is a question about where they stand (什么时候有工作).
    return options.explicit
      ? replyOnly(ctx, intent, 'alreadyRegistered', { name: options.registered.name }, options.registered.homeCounty)
      : statusReply(ctx, options.registered);
  }
  const draft = await loadDraft(ctx);
  // Without the keyword, a message continues a draft, or starts one only if it carries an ID number.
  if (!options.explicit && !draft.fields && !fields.idNumber && !fields.invalidIdNumber) return replyOnly(ctx, 'help', 'help', {});

  const merged = mergeFields(draft.fields, await toDraftFields(ctx, fields));
  // Written only if the draft is still as read and the phone still unregistered; else decided again.
  const keepDraft = (answer: TxPart): Plan => ({ intent, parts: [saveDraftPart(ctx, merged, draft.version), phoneFreePart(ctx), answer] });
  if (merged.invalidIdNumber) {
    return keepDraft(reply(ctx, 'invalidIdNumber', { problem: ID_PROBLEMS[merged.invalidIdNumber.reason] }));
  }
  const missing = missingForRegistration(merged);
  if (missing.length > 0) {
    const names = missing.map((m) => MISSING_NAMES[m]).join('和');
    return keepDraft(reply(ctx, 'askFor', { missing: names }));
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
        // The labourer's own county, named in a message the ID number came apart from, is home (it suits any
        // job there anyway): never a destination a bus would be planned to.
        destinations: merged.destinations.map((d) => d.code).filter((code) => code !== merged.idNumber!.regionCode),
        expectedWage: merged.expectedWage ?? 0,
        availableFrom: merged.availableFrom,
        canTravel: !merged.localOnly,
        channel: 'sms',
        povertySelfDeclared: merged.povertySelfDeclared,
        pickup: merged.pickup,
        dailyWage: merged.dailyWage,
        // A residence permit's or foreign number's holder names their county (现住 …).
        statedHomeCounty: merged.home?.code.length === 6 ? merged.home.code : undefined,
      },
      ctx.inboundMessageId,
    );
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problem = error.details[0]?.message ?? error.message;
    return keepDraft(reply(ctx, 'registrationProblem', { problem }));
  }

  return {
    intent,
    parts: draft.version === 'absent' ? [...prepared.parts] : [...prepared.parts, deleteDraftPart(ctx, draft.version)],
    // The ID number belongs to another phone (→ explain 换号), or this phone registered meanwhile. (A
    // refused draft part — another message changed the draft — is decided again by the caller.)
    onRefused: (failed) =>
      failed.has('idGuard')
        ? { intent, parts: [deleteDraftPart(ctx, draft.version), reply(ctx, 'idTaken', {})] }
        : { intent, parts: [deleteDraftPart(ctx, draft.version), reply(ctx, 'alreadyRegistered', { name: merged.name! })] },
  };
}
