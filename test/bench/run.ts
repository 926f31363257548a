/**
 * `npm run bench [-- suite…]`: runs every suite in test/bench/suites (or the named ones), keeps each suite's
 * results in docs/benchmarks/<suite>.json and regenerates docs/benchmarks.md from all of them.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineDescription, renderMarkdown, type BenchSection, type SuiteResult } from './report';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const suitesDir = join(root, 'test', 'bench', 'suites');
const resultsDir = join(root, 'docs', 'benchmarks');

type Suite = () => Promise<BenchSection[]>;

async function main(): Promise<void> {
  const available = readdirSync(suitesDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .map((file) => file.replace(/\.bench\.ts$/, ''))
    .sort();
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown suite(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
    process.exit(2);
  }
  mkdirSync(resultsDir, { recursive: true });
  let failed = false;
  for (const name of wanted.length > 0 ? wanted : available) {
    console.log(`== ${name}`);
    const module = (await import(pathToFileURL(join(suitesDir, `${name}.bench.ts`)).href)) as { default: Suite };
    const sections = await module.default();
    const result: SuiteResult = {
      suite: name,
      date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
      machine: machineDescription(),
      sections,
    };
    writeFileSync(join(resultsDir, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
    for (const section of sections) {
      for (const m of section.measurements) {
        const verdict = m.met === undefined ? '' : m.met ? ' ✓' : ` ✗ (target ${m.target ?? ''})`;
        console.log(`  ${m.name}: ${m.value.toFixed(2)} ${m.unit}${verdict}`);
        if (m.met === false) failed = true;
      }
    }
  }
  const all = readdirSync(resultsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as SuiteResult);
  writeFileSync(join(root, 'docs', 'benchmarks.md'), renderMarkdown(all));
  console.log(`docs/benchmarks.md updated${failed ? ' — some targets were missed (see above)' : ''}.`);
}

await main();
