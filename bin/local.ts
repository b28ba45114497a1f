// `npm start`: the whole system locally on DynamoDB Local. Flags: --memory (throwaway store), --demo
// (load a demo county), --port N (or PORT), --data-dir DIR (instead of .local), --quiet (no SMS echo on
// the console). Ctrl-C stops everything, DynamoDB Local included; so does killing this process.
import { parseArgs } from 'node:util';
import { startLocalSystem } from './local/system.js';

const { values } = parseArgs({
  options: {
    memory: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'data-dir': { type: 'string', default: '.local' },
  },
});

const started = Date.now();
// The demo county is served by the local schedules unless COUNTIES says otherwise.
if (values.demo) process.env.COUNTIES ??= '510822';
try {
  const system = await startLocalSystem({
    port: Number(values.port),
    dataDir: values.memory ? undefined : values['data-dir'],
    schedules: true,
    printSms: !values.quiet,
    smsReceipts: true,
    // As deployed: nothing that can wait is sent 21:00–08:00 China time (SMS_QUIET_HOURS=off to see everything at once).
    quietHours: process.env.SMS_QUIET_HOURS ?? '21-8',
  });
  if (values.demo) {
    const { loadDemoCounty, DEMO_COUNTY } = await import('./local/demo-county.js');
    const added = await loadDemoCounty();
    console.log(`Demo county ${DEMO_COUNTY} (青川县): ${added.labourers} labourers and ${added.vacancies} vacancies added.`);
    console.log(`  coordinator: ${'http://localhost:' + values.port}/coordinator?token=dev:coordinator:${DEMO_COUNTY}`);
  }
  console.log(`春风 Return-to-Work Coordinator is ready at ${system.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  data: ${values.memory ? 'in memory (--memory)' : `${values['data-dir']}/`} · try: curl ${system.url}/health`);
  console.log(`  pages: ${system.url}/ (registration) · ${system.url}/phone (SMS simulator) · ${system.url}/employer?token=dev:employer:<id> · ${system.url}/coordinator?token=dev:coordinator:<county>`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await system.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
}
