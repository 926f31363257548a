import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { REPO_ROOT } from '../../support/test-core';
import { AREAS, type Area, type CatalogueCase } from './types';

export const ERRORS_DOC = join(REPO_ROOT, 'docs', 'errors.md');
export const REGENERATE = 'npx tsx scripts/errors-doc.ts';

const INTROS: Record<Area, string> = {
  Form:
    'The query form checks a report before Run is enabled (`renderer/src/query/validate.ts`), fed with the reports ' +
    'and queue list the real core gives the renderer.',
  Contract:
    'What reaches the core when the form is bypassed — a saved report from an older version, a script, a broken or ' +
    'hostile renderer — through `core.dispatch`, exactly as the renderer calls it, on the Demo organization.',
  CLI:
    '`npm run cli -- run …` started as a child process; the message is the first thing it writes to stderr, and the ' +
    'exit code is checked too (0 done, 1 failed, 2 usage, 3 offline and not cached).',
  'Genesys Cloud':
    'Real HTTP against the Genesys Cloud simulator: sign-in and permission cases through a core connected to it; ' +
    "storms, drops and long waits through the core's report service with time warped 200×, so six attempts and " +
    'their back-off take milliseconds. Answers the simulator cannot give (a 15-minute Retry-After, a body cut short ' +
    'but ended cleanly, unknown enum values, a 503 incident) are put between client and simulator at the fetch boundary.',
  Files:
    'Real files: a folder that refuses new files (a sysfs folder when the tests run as root, whom chmod cannot stop), ' +
    'a 24 KiB tmpfs that fills up mid-export (skipped with a notice where it cannot be mounted), SQLite told it may ' +
    'not grow (`max_page_count`) while a report downloads, and cache files spoilt before the core starts.',
};

/**
 * Markdown would read `__proto__` as bold and `<…>` as HTML, so those characters are escaped; backticks are kept
 * for the few commands the advice quotes.
 */
function text(value: string): string {
  return value.replace(/[\\*_[\]<>#|]/g, '\\$&');
}

function entry(item: CatalogueCase): string {
  const lines = [`### ${item.id}`, '', text(item.situation), '', `- **Shown:** ${text(item.shown)}`];
  lines.push(
    item.message === null ? '- **Message:** none — this is tolerated.' : `- **Message:** “${text(item.message)}”`,
  );
  if (item.outcome) lines.push(`- **What happens:** ${text(item.outcome)}`);
  lines.push(`- **What to do:** ${text(item.advice)}`, '');
  return lines.join('\n');
}

/** docs/errors.md, from the catalogue alone (nothing runs), formatted as Prettier would leave it. */
export async function renderErrorsDoc(cases: readonly CatalogueCase[]): Promise<string> {
  const count = (area: Area) => cases.filter((item) => item.area === area);
  const lines = [
    '# Errors and bad input',
    '',
    `> Generated from the bad-input catalogue (\`test/main/catalogue/\`) by \`${REGENERATE}\`. Do not edit: the`,
    '> catalogue test fails when this file and the table differ.',
    '',
    `What a supervisor (or an admin at the command line) is told when something is wrong, and what to do about it: ` +
      `${cases.length} situations across the form, the contract, the CLI, Genesys Cloud and the file system. Every ` +
      'one is run for real by `test/main/catalogue/catalogue.test.ts`, and the message it produces is compared with ' +
      'the one below, where `{…}` stands for a part that varies (a date, a name, a file, the reference Genesys ' +
      'support asks for). Situations marked "tolerated" are not errors: ReportDesk carries on, and the test checks ' +
      'that nothing was lost.',
    '',
    '| Area | Situations | Tolerated |',
    '| --- | --- | --- |',
    ...AREAS.map(
      (area) =>
        `| [${area}](#${area.toLowerCase().replace(/ /g, '-')}) | ${count(area).length} | ${count(area).filter((item) => item.message === null).length} |`,
    ),
    '',
  ];
  for (const area of AREAS) {
    lines.push(`## ${area}`, '', INTROS[area], '', ...count(area).map(entry));
  }
  const markdown = lines.join('\n');
  return format(markdown, { ...(await resolveConfig(ERRORS_DOC)), parser: 'markdown' });
}
