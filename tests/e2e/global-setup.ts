// Builds the web pages once per run (Vite, into dist/web) — the very files `npm start` serves.
import { resolve } from 'node:path';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const started = Date.now();
  await build({ configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`e2e: web pages built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
