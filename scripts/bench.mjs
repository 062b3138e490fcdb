#!/usr/bin/env node
// Runs every benchmark script of the workspace (packages/*/bench/*.ts, apps/*/bench/*.ts), one after another so
// they never compete for the two cores, each in its own Node process with workspace siblings resolved to source.
// Usage: node scripts/bench.mjs [filter]   (filter: a substring of the script path)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2] ?? '';
const scripts = [];
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(join(root, group))) {
    const benchDirectory = join(root, group, name, 'bench');
    if (!existsSync(benchDirectory)) continue;
    for (const file of readdirSync(benchDirectory).sort()) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('_')) {
        scripts.push(join(benchDirectory, file));
      }
    }
  }
}
const selected = scripts.filter((script) => relative(root, script).includes(filter));
if (selected.length === 0) {
  console.error(`no bench script matches "${filter}"`);
  process.exit(1);
}
let failed = 0;
for (const script of selected) {
  console.log(`\n=== ${relative(root, script)} ===`);
  const result = spawnSync(process.execPath, ['--conditions=@acpt/source', script], {
    stdio: 'inherit',
    cwd: join(script, '..', '..'),
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
