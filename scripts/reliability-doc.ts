/**
 * Writes docs/reliability.md from the figures of the last runs — never typed by hand:
 * - docs/reliability/*.json: the fault soak, the crash points (sync and export) and the corruption cases, written
 *   by the reliability tests in `npm test` (short runs) and by `npm run soak` (long runs);
 * - security/last-scan.json: the Electronegativity result, written by `npm run security`;
 * - the bad-input catalogue's table of cases (test/main/catalogue/), or docs/errors.md's tables.
 * Usage: `npx tsx scripts/reliability-doc.ts` (the tests and the soak call writeReliabilityDoc themselves).
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { SoakFigures } from '../test/soak/soak-figures';
import type { CorruptionFigures, ExportCrashFigures, Figures, SyncCrashFigures } from '../test/soak/figures';

export interface SecurityScan {
  tool: string;
  electron: string;
  findings: number;
  aboveInformational: number;
  allowListed: number;
  unexplained: number;
  byCheck: Record<string, number>;
}

export interface CatalogueCount {
  cases: number;
  /** Where the count came from, for the reader. */
  source: string;
}

export interface DocInputs {
  figures: Figures[];
  security: SecurityScan | null;
  catalogue: CatalogueCount | null;
}

type Profile = 'short' | 'long';

const PROFILE_LABEL: Record<Profile, string> = {
  short: 'short run (`npm test`)',
  long: 'long run (`npm run soak`)',
};

const CATALOGUE_DIR = join('test', 'main', 'catalogue');

/** Reads every input that exists; missing ones are shown as "not run yet" rather than failing. */
export async function readInputs(root: string): Promise<DocInputs> {
  const dir = join(root, 'docs', 'reliability');
  const figures = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Figures)
    : [];
  const scanFile = join(root, 'security', 'last-scan.json');
  const security = existsSync(scanFile) ? (JSON.parse(readFileSync(scanFile, 'utf8')) as SecurityScan) : null;
  return { figures, security, catalogue: await countCatalogue(root) };
}

/**
 * The catalogue's case count: from an exported array of cases in a table module under test/main/catalogue/
 * (preferring exports named like "cases" or "catalogue"), else from the rows of docs/errors.md's tables.
 */
export async function countCatalogue(root: string): Promise<CatalogueCount | null> {
  const dir = join(root, CATALOGUE_DIR);
  if (existsSync(dir)) {
    const modules = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .sort();
    let best: CatalogueCount | null = null;
    let bestNamed = false;
    for (const name of modules) {
      let exports: Record<string, unknown>;
      try {
        exports = (await import(pathToFileURL(join(dir, name)).href)) as Record<string, unknown>;
      } catch {
        continue;
      }
      for (const [exported, value] of Object.entries(exports)) {
        if (!Array.isArray(value) || value.length === 0) continue;
        if (!value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) continue;
        const named = /case|catalog/i.test(exported);
        if (best === null || (named && !bestNamed) || (named === bestNamed && value.length > best.cases)) {
          best = { cases: value.length, source: `\`${join(CATALOGUE_DIR, name)}\` (\`${exported}\`)` };
          bestNamed = named;
        }
      }
    }
    if (best) return best;
  }
  const errorsDoc = join(root, 'docs', 'errors.md');
  if (!existsSync(errorsDoc)) return null;
  const rows = readFileSync(errorsDoc, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|'));
  // Each table has a header row and a separator row; every other row is a case.
  const headers = rows.filter((line) => /^\|[\s:|-]+\|$/.test(line.trim())).length;
  const cases = rows.length - 2 * headers;
  return cases > 0 ? { cases, source: '`docs/errors.md` (table rows)' } : null;
}

const latest = <K extends Figures['kind']>(inputs: DocInputs, kind: K, profile?: Profile) =>
  inputs.figures.find(
    (figure) => figure.kind === kind && (profile === undefined || ('profile' in figure && figure.profile === profile)),
  ) as Extract<Figures, { kind: K }> | undefined;

const n = (value: number): string => value.toLocaleString('en-US');
const day = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const yes = (ok: boolean): string => (ok ? 'yes' : '**no**');
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function soakSummary(figures: SoakFigures | undefined): string {
  if (!figures) return 'not run yet';
  const f = figures.faults;
  const broken = f['429'] + f['5xx'] + f.reset + f.truncate;
  return (
    `${n(figures.runs.survived)} of ${n(figures.runs.total)} report runs survived ${n(broken)} broken answers ` +
    `(429, 5xx, reset, truncated), ${n(f.slow)} slow ones and ${n(f.tokenRevocations + f.tokenExpiries)} token ` +
    `revocations/expiries; ${figures.passed ? 'passed' : '**failed**'}`
  );
}

function crashSummary(figures: SyncCrashFigures | ExportCrashFigures | undefined): string {
  if (!figures) return 'not run yet';
  return `${figures.passed} of ${figures.tested} kill points passed (seed \`${figures.seed}\`)`;
}

function summary(inputs: DocInputs): string[] {
  const corruption = latest(inputs, 'cache-corruption');
  const security = inputs.security;
  const rows: [string, string, string][] = [
    [
      'Fault soak',
      soakSummary(latest(inputs, 'fault-soak', 'short')),
      soakSummary(latest(inputs, 'fault-soak', 'long')),
    ],
    [
      'SIGKILL during sync, then resume',
      crashSummary(latest(inputs, 'sync-crash', 'short')),
      crashSummary(latest(inputs, 'sync-crash', 'long')),
    ],
    [
      'SIGKILL during export (CSV and XLSX)',
      crashSummary(latest(inputs, 'export-crash', 'short')),
      crashSummary(latest(inputs, 'export-crash', 'long')),
    ],
    [
      'Damaged or foreign cache file at start',
      corruption ? `${corruption.passed} of ${corruption.tested} cases passed` : 'not run yet',
      '(same test)',
    ],
    [
      'Electronegativity security scan',
      security
        ? `${security.aboveInformational} findings above informational, ${security.allowListed} allow-listed with a reason, ${security.unexplained} unexplained`
        : 'not run yet (`npm run security`)',
      '(same scan)',
    ],
    [
      'Bad-input catalogue',
      inputs.catalogue
        ? `${inputs.catalogue.cases} cases, each with the message the user sees and a test`
        : '**placeholder:** the catalogue (test/main/catalogue/, docs/errors.md) is not written yet; this line fills in when it is',
      '(same tests)',
    ],
  ];
  return [
    '| check | last short run (`npm test`) | last long run (`npm run soak`) |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function soakSection(figures: SoakFigures): string[] {
  const f = figures.faults;
  const lines = [
    `### Fault soak — ${PROFILE_LABEL[figures.profile]}`,
    '',
    `Ran ${day(figures.date)} on ${figures.machine}, ${figures.seconds} s. ${figures.setup.connections} connections ` +
      `(each its own token and rate budget) in ${figures.setup.caches} cache files, ${figures.setup.reportsPerConnection} ` +
      `reports each, all at once, ${figures.setup.rounds} rounds on fresh caches, against one simulator with ` +
      `${n(figures.setup.conversationsPerDay)} conversations a day. Fault rates: ` +
      Object.entries(figures.setup.faultRates)
        .map(([kind, rate]) => `${kind} ${Math.round((rate ?? 0) * 100)} %`)
        .join(', ') +
      ` (slow = ${figures.setup.slowMs} ms late).`,
    '',
    '| faults met | count |',
    '| --- | --- |',
    `| API requests in all | ${n(figures.requests.api)} (sync-query pages ${n(figures.requests.syncQueryPages)}, jobs submitted ${n(figures.requests.jobsSubmitted)}, aggregate queries ${n(figures.requests.aggregateQueries)}) |`,
    `| 429 Too Many Requests | ${n(f['429'])} |`,
    `| 500 / 503 / 504 | ${n(f['5xx'])} |`,
    `| connection reset | ${n(f.reset)} |`,
    `| truncated response | ${n(f.truncate)} |`,
    `| slow response | ${n(f.slow)} |`,
    `| tokens revoked / expired mid-run | ${f.tokenRevocations} / ${f.tokenExpiries} (${n(f.unauthorized)} requests answered 401) |`,
    '',
    '| outcome | result |',
    '| --- | --- |',
    `| report runs done at the first attempt, with exactly the ground-truth rows (survived) | ${n(figures.runs.survived)} of ${n(figures.runs.total)} |`,
    `| runs that failed first (the user runs them again) / never finished | ${figures.runs.failedFirstAttempt} / ${figures.runs.neverDone} |`,
    `| rows compared with the simulator: conversations / aggregate buckets / reference items | ${n(figures.rows.conversations)} / ${n(figures.rows.aggregateBuckets)} / ${n(figures.rows.referenceItems)} |`,
    `| rows that differ from the simulator | ${figures.rows.mismatches.length} |`,
    `| cache files with \`PRAGMA integrity_check\` = ok | ${figures.integrity.ok} of ${figures.integrity.files} |`,
    `| runs repeated at once and answered from the cache with no request | ${figures.runs.againFromCache} of ${figures.runs.total} |`,
    `| Interactions grids showing the simulator's conversation count | ${figures.runs.shownRowsRight} of ${figures.runs.shownRowsChecked} |`,
    `| unhandled rejections / uncaught exceptions (app process and harness) | ${figures.unhandledRejections.app + figures.unhandledRejections.harness} / ${figures.uncaughtExceptions.app + figures.uncaughtExceptions.harness} |`,
    `| anything unexpected (failures the engine could only log, or anything that escaped) | ${figures.unexpected.length} |`,
    `| heap after forced GC: start → after round 1 → end (growth, allowed) | ${figures.heap.startMb} → ${figures.heap.afterFirstRoundMb} → ${figures.heap.endMb} MB (${figures.heap.growthMb} MB, ≤ ${figures.heap.toleranceMb} MB) ${figures.heap.ok ? '' : '**too much**'} |`,
    `| handles left open after closing every cache and client | ${figures.openHandles.after.length === 0 ? 'none' : figures.openHandles.after.join(', ')} (keep-alive sockets gone after ${figures.openHandles.settledMs} ms) |`,
    `| passed | ${yes(figures.passed)} |`,
  ];
  const listed = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    lines.push('', title, '');
    for (const item of items.slice(0, 20)) lines.push(`- ${cell(item.split('\n')[0] ?? '')}`);
    if (items.length > 20) lines.push(`- … and ${items.length - 20} more (see the JSON file)`);
  };
  listed('Runs that did not finish at the first attempt, with the message the user saw:', figures.failures);
  listed('Rows that differ from the simulator:', figures.rows.mismatches);
  listed('What must never happen, and did:', figures.unexpected);
  return lines;
}

function syncCrashSection(figures: SyncCrashFigures): string[] {
  const phases = (phase: string) => figures.points.filter((point) => point.phase === phase).length;
  return [
    `### SIGKILL during sync — ${PROFILE_LABEL[figures.profile]}`,
    '',
    `Ran ${day(figures.date)}, ${figures.seconds} s, seed \`${figures.seed}\`. A separate process syncs ` +
      `${n(figures.setup.conversations)} conversations (async jobs and the sync query), ${n(figures.setup.aggregateBuckets)} ` +
      `aggregate buckets and ${n(figures.setup.referenceItems)} reference items into a real cache file in ` +
      `${figures.setup.pages} committed pages (about ${n(figures.setup.runMs)} ms uninterrupted); it is killed with SIGKILL ` +
      `at a random moment, then the file is opened as at the next start and the run continued. Points landed: ` +
      `${phases('starting')} before the first commit, ${phases('mid-run')} between commits, ${phases('finished')} after the end.`,
    '',
    '| # | SIGKILL sent | where it landed | rows committed | continued by | set aside? | integrity_check | rows equal the uninterrupted run | passed |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.points.map(
      (p) =>
        `| ${p.n} | ${n(p.killAtMs)} ms after its ${p.from} | ${p.phase} | ${n(p.rowsAtKill)} | ${p.restart} | ${p.setAside ? '**yes**' : 'no'} | ${p.integrity} | ${yes(p.equal)} | ${yes(p.passed)} |`,
    ),
  ];
}

function exportCrashSection(figures: ExportCrashFigures): string[] {
  const left = figures.points.reduce((total, point) => total + point.tempFilesLeft, 0);
  return [
    `### SIGKILL during export — ${PROFILE_LABEL[figures.profile]}`,
    '',
    `Ran ${day(figures.date)}, ${figures.seconds} s, seed \`${figures.seed}\`. A separate process exports ` +
      `${n(figures.setup.csvRows)} rows to CSV (about ${n(figures.setup.csvMs)} ms) or ${n(figures.setup.xlsxRows)} rows to ` +
      `XLSX (about ${n(figures.setup.xlsxMs)} ms) and is killed at a random moment; half the time an earlier export of the ` +
      `same name is already there. The file name must then hold nothing, the earlier file byte for byte, or the complete ` +
      `new file — never part of one. Killed exports left ${left} temporary \`.reportdesk-export-*.tmp\` file(s) in the ` +
      `folder (never under the export's name; a killed process cannot clean up). The next export to the same folder ` +
      `${figures.afterwards.complete ? 'completed and read back whole' : '**did not complete or removed the wrong files**'}, ` +
      `and removed ${figures.afterwards.removed} of the ${figures.afterwards.madeOld} left-over temporary files made an hour ` +
      'old, keeping the newest (an export still running could own a recent one).',
    '',
    '| # | format | SIGKILL sent (ms into the export) | replacing an earlier file | file name afterwards | temp files left | passed |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...figures.points.map(
      (p) =>
        `| ${p.n} | ${p.format.toUpperCase()} | ${n(p.killAtMs)} | ${p.replacing ? 'yes' : 'no'} | ${p.finalFile === 'partial' ? '**partial**' : p.finalFile} | ${p.tempFilesLeft} | ${yes(p.passed)} |`,
    ),
  ];
}

function corruptionSection(figures: CorruptionFigures): string[] {
  return [
    '### Damaged or foreign cache file at start-up',
    '',
    `Ran ${day(figures.date)}. Each file is put where the cache lives, next to other files (an earlier set-aside ` +
      'cache, notes, an export, settings); the real core starts and the first `app/info` of the session is read.',
    '',
    '| case | how it was made | what start-up did | set aside as | what the user is told | other files untouched |',
    '| --- | --- | --- | --- | --- | --- |',
    ...figures.cases.map(
      (c) =>
        `| ${cell(c.name)} | ${cell(c.how)} | ${cell(c.outcome)} | ${c.movedAsideAs ? `\`${c.movedAsideAs}\`` : '—'} | ${c.notice ? cell(`“${c.notice}”`) : '(nothing: no data was lost)'} | ${c.otherFilesKept} of ${c.otherFilesKept} |`,
    ),
  ];
}

function securitySection(scan: SecurityScan | null): string[] {
  if (!scan) return ['## Security scan', '', 'Not run yet: `npm run security` writes `security/last-scan.json`.'];
  return [
    '## Security scan',
    '',
    `\`${scan.tool}\` for Electron ${scan.electron} over main/, preload/ and the built out/ folder (part of \`npm test\`): ` +
      `${scan.findings} findings, ${scan.aboveInformational} above informational, ${scan.allowListed} of them in the reviewed ` +
      `allow-list (\`security/electronegativity-allowlist.json\`, each entry justified), **${scan.unexplained} unexplained** ` +
      '(any unexplained finding fails `npm test`).',
    '',
    '| check | findings |',
    '| --- | --- |',
    ...Object.entries(scan.byCheck).map(([check, count]) => `| ${check} | ${count} |`),
  ];
}

/** What these runs found when they were first written, and where each fix is pinned by a test. */
const FOUND = [
  '## What these runs found',
  '',
  '- **Conversations lost when two runs of one connection fetched the same days at once** (long soak: hundreds',
  '  missing from a day, both runs "done", the range marked complete). A run that asked later but finished first',
  '  pruned what the slower run had just re-written with its earlier fetch time. Fixed in',
  '  `main/cache/conversations-store.ts` (a conversation counts as seen at the latest fetch);',
  '  `test/main/reliability/overlapping-runs.test.ts`.',
  '- **"Refused the sign-in twice in a row — check the client secret"** after a token was revoked, replaced, and',
  '  revoked again while a request waited out a server error. Only two 401s in a row now mean refused credentials',
  '  (`main/genesys/http/genesys-http.ts`; `test/main/reliability/token-revoked-again.test.ts`). A token revoked',
  '  while its very first request is held up (a slow answer) still reads as refused: Genesys gives no way to tell',
  '  the two apart, and running the report again continues.',
  '- **A damaged cache was only found at the first report**, and its notice reached the screen only when app',
  '  details were asked for again. `app/info` now opens an existing cache file, so the notice is in the answer the',
  '  app asks for as it starts (`main/core/cache-holder.ts`, `main/core/handlers/app.ts`).',
  "- **Every killed export left a hidden temporary file** (as large as the export) in the user's folder. The next",
  '  export to that folder removes such files once they are an hour old (`main/export/stale-temp-files.ts`).',
];

export function renderReliabilityDoc(inputs: DocInputs): string {
  const lines = [
    '# Reliability',
    '',
    'Generated by `scripts/reliability-doc.ts` from the last runs — do not edit by hand. The reliability tests in',
    '`npm test` (test/main/reliability/) write the short figures; `npm run soak` writes the long ones; both keep them in',
    '`docs/reliability/*.json` and regenerate this page. The machine is shared with other work, so times are noisy.',
    '',
    '## Summary',
    '',
    ...summary(inputs),
    '',
    '## Fault soak',
    '',
    'Many report runs at once against one Genesys Cloud simulator that answers with 429s, server errors, dropped',
    'connections, slow and cut-off responses, and revokes or expires every token while reports run. Afterwards every',
    "cache file must hold exactly the simulator's own answer (conversation ids per range, every aggregate bucket per",
    'group, every reference list), and the app process must show no unhandled rejection, no heap growth between rounds',
    'beyond the allowance, and no handle left open.',
    '',
  ];
  for (const profile of ['short', 'long'] as const) {
    const figures = latest(inputs, 'fault-soak', profile);
    if (figures) lines.push(...soakSection(figures), '');
  }
  lines.push('## Crashes and damaged files', '');
  for (const profile of ['short', 'long'] as const) {
    const figures = latest(inputs, 'sync-crash', profile);
    if (figures) lines.push(...syncCrashSection(figures), '');
  }
  for (const profile of ['short', 'long'] as const) {
    const figures = latest(inputs, 'export-crash', profile);
    if (figures) lines.push(...exportCrashSection(figures), '');
  }
  const corruption = latest(inputs, 'cache-corruption');
  if (corruption) lines.push(...corruptionSection(corruption), '');
  lines.push(...FOUND, '');
  lines.push(...securitySection(inputs.security), '', '## Bad-input catalogue', '');
  lines.push(
    inputs.catalogue
      ? `${inputs.catalogue.cases} cases across the form, the CLI, the simulator's error answers and the file system, ` +
          `each with the message the user sees and a test (counted from ${inputs.catalogue.source}); see ` +
          '[errors.md](errors.md).'
      : '**Placeholder** — the bad-input catalogue (`test/main/catalogue/`, `docs/errors.md`) is not written yet. ' +
          'The next run of the reliability tests or `npx tsx scripts/reliability-doc.ts` counts its cases here.',
    '',
    '## Running it',
    '',
    '- `npm test` runs the short versions (test/main/reliability/) and regenerates this page.',
    '- `npm run soak` runs the long versions (a few minutes) and regenerates this page.',
    '- `npx tsx scripts/reliability-doc.ts` regenerates it from the JSON files alone.',
    '',
  );
  return lines.join('\n');
}

/** Renders the doc from what is on disk and writes it (Prettier-formatted, replaced whole). */
export async function writeReliabilityDoc(root: string): Promise<string> {
  const file = join(root, 'docs', 'reliability.md');
  const text = await format(renderReliabilityDoc(await readInputs(root)), {
    ...(await resolveConfig(file)),
    filepath: file,
  });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '..', '..');
  const file = await writeReliabilityDoc(root);
  console.log(`${relative(root, file)} written.`);
}
