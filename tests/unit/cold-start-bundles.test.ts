// What keeps the Lambda cold starts short (issue #21), checked on real esbuild bundles built with the
// house options of lib/constructs/lambda-function.ts: no function loads at import an AWS SDK client it
// needs only sometimes, and ElectroDB's jsonschema is replaced by functions/store/electrodb-model-check.ts
// without changing the service it builds.
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { Entity } from 'electrodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '../../functions/store/electrodb-model-check.js';
import { createDb } from '../../functions/store/db.js';

const ROOT = resolve(import.meta.dirname, '../..');
const HANDLERS = readdirSync(join(ROOT, 'functions/handlers')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));

/** The house bundling (lambda-function.ts): ESM for node24, the runtime's AWS SDK left out, jsonschema aliased. */
const HOUSE: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  external: ['@aws-sdk/*', '@smithy/*', 'exceljs'],
  alias: { jsonschema: join(ROOT, 'functions/store/electrodb-model-check.ts') },
  tsconfig: join(ROOT, 'tsconfig.json'),
  logLevel: 'silent',
};

/** SDK packages a function may import at init: its table, and the client each function exists to call. */
const ALWAYS = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'];
const OWN_CLIENT: Record<string, string[]> = {
  notifier: ['@aws-sdk/client-sns'],
  'notifier-aliyun': ['@aws-sdk/client-secrets-manager'],
  'sms-callback': ['@aws-sdk/client-sqs', '@aws-sdk/client-secrets-manager'],
};

let dir = '';
let metafile: Metafile;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chunfeng-cold-start-test-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const result = await build({
    ...HOUSE,
    entryPoints: [...HANDLERS.map((h) => ({ in: join(ROOT, 'functions/handlers', `${h}.ts`), out: h })), { in: join(ROOT, 'functions/store/db.ts'), out: 'db' }],
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
  });
  metafile = result.metafile;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const output = (name: string) => {
  const entry = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`/${name}.mjs`));
  if (!entry) throw new Error(`no bundle ${name}`);
  return entry[1];
};

describe('Lambda bundles', () => {
  it.each(HANDLERS)('%s imports at init only the AWS SDK clients it always needs', (handler) => {
    const staticSdk = output(handler)
      .imports.filter((i) => i.external && i.kind === 'import-statement' && i.path.startsWith('@aws-sdk/'))
      .map((i) => i.path);
    const allowed = [...ALWAYS, ...(OWN_CLIENT[handler] ?? [])];
    expect(staticSdk.filter((p) => !allowed.includes(p))).toEqual([]);
  });

  it('carry no jsonschema: ElectroDB gets the stand-in', () => {
    for (const handler of HANDLERS) {
      const inputs = Object.keys(output(handler).inputs);
      expect(inputs.filter((i) => i.includes('node_modules/jsonschema/'))).toEqual([]);
      expect(inputs.some((i) => i.endsWith('electrodb-model-check.ts'))).toBe(true);
    }
  });

  it('build the same ElectroDB service with the stand-in as the real validator does', async () => {
    const bundled = (await import(pathToFileURL(join(dir, 'db.mjs')).href)) as typeof import('../../functions/store/db.js');
    const client = new DynamoDBClient({ region: 'ap-southeast-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const [withStandIn, withValidator] = [bundled.createDb(client, 'T'), createDb(client, 'T')];
    const names = Object.keys(withValidator.entities);
    expect(Object.keys(withStandIn.entities)).toEqual(names);
    for (const name of names) {
      const model = (db: typeof withValidator) => JSON.stringify((db.entities as unknown as Record<string, { model: unknown }>)[name]!.model);
      expect(model(withStandIn), name).toBe(model(withValidator));
    }
    const optOut = { phone: '+8613800138000', optedOutAt: '2026-01-01T00:00:00Z' };
    expect(withStandIn.entities.phoneOptOut.put(optOut).params()).toEqual(withValidator.entities.phoneOptOut.put(optOut).params());
  });
});

describe('electrodb-model-check', () => {
  it('tells a model from an ElectroDB instance, as ElectroDB asks it to', () => {
    const model = { model: { entity: 'x', version: '1', service: 's' }, attributes: { id: { type: 'string' } }, indexes: { byId: { pk: { field: 'pk', composite: ['id'] } } } } as const;
    const validator = new (Validator as unknown as new () => { validate(instance: unknown, schema?: unknown): { errors: unknown[] } })();
    expect(validator.validate(model).errors).toEqual([]);
    expect(validator.validate(new Entity(model)).errors).not.toEqual([]);
  });
});
