// Prints every SMS template as submitted for approval to a provider that sends approved templates only
// (Alibaba Cloud SMS, China profile): name, text with its ${variables}, and the variables. The codes the
// provider gives back go into the context smsTemplateCodes (README: Deploy in AWS China).
//
//   npx tsx scripts/sms-templates.ts          # a table
//   npx tsx scripts/sms-templates.ts --json   # {name: {text, variables}}
//   npx tsx scripts/sms-templates.ts --codes  # a smsTemplateCodes skeleton to fill in
import { SIGNATURE, TEMPLATE_NAMES, templateText, templateVariables } from '../functions/domain/sms/templates.js';

const args = new Set(process.argv.slice(2));
if (args.has('--codes')) {
  console.log(JSON.stringify(Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, 'SMS_']))));
} else if (args.has('--json')) {
  console.log(JSON.stringify(Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, { text: templateText(name), variables: templateVariables(name) }])), null, 2));
} else {
  console.log(`signature: ${SIGNATURE}\n`);
  for (const name of TEMPLATE_NAMES) console.log(`${name}\t${templateText(name)}\t${templateVariables(name).join(',')}`);
}
