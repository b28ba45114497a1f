// exceljs (23 MB installed, ~0.4 s to load) is imported only on first use by the export and import
// routes: no module imports it statically, so no other route's cold start evaluates it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('exceljs', () => {
  it('is imported statically nowhere in functions/, only as types, and dynamically in one place', () => {
    const files = sources('functions');
    const staticImports = files.filter((f) => /^import(?!\s+type\b)[^;]*from\s+'exceljs'/m.test(readFileSync(f, 'utf8')));
    expect(staticImports).toEqual([]);
    const dynamic = files.filter((f) => readFileSync(f, 'utf8').includes("import('exceljs')"));
    expect(dynamic).toEqual([join('functions', 'services', 'xlsx-workbook.ts')]);
  });
});
