/**
 * `npm run security`: Electronegativity over what ships (main/, preload/, the built out/ folder), failing on
 * any finding above INFORMATIONAL that security/electronegativity-allowlist.json does not justify. The tool
 * exits 0 even with HIGH findings, so its runner is called in-process and its findings judged here (its CSV
 * writer truncates the header and appends the body concurrently, which garbled the report now and then).
 * Writes security/last-scan.json for docs/reliability.md.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runElectronegativity = createRequire(import.meta.url)('@doyensec/electronegativity/dist/runner.js');

const root = new URL('..', import.meta.url).pathname;
const ELECTRON_VERSION = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const allowlist = JSON.parse(readFileSync(join(root, 'security/electronegativity-allowlist.json'), 'utf8'));

// An explicit folder is scanned as is (used by the test that proves an insecure window fails the scan).
const explicit = process.argv[2];
if (!explicit && !existsSync(join(root, 'out/main/index.js'))) {
  console.error('security scan: build first (npm run build) so the shipped bundle is scanned too.');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'reportdesk-scan-'));
try {
  if (explicit) cpSync(explicit, join(work, 'input'), { recursive: true });
  else for (const dir of ['main', 'preload', 'out']) cpSync(join(root, dir), join(work, dir), { recursive: true });
  const result = await runElectronegativity({
    input: work,
    isRelative: true,
    electronVersionOverride: ELECTRON_VERSION,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
  });
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    file: issue.file.replace(/\\/g, '/').replace(/^input\//, ''),
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample,
  }));
  const significant = findings.filter((f) => f.severity !== 'INFORMATIONAL');
  const allowed = (f) => allowlist.some((entry) => entry.check === f.check && f.file.startsWith(entry.file));
  const unexplained = significant.filter((f) => !allowed(f));
  const unused = allowlist.filter(
    (entry) => !significant.some((f) => f.check === entry.check && f.file.startsWith(entry.file)),
  );
  writeFileSync(
    explicit ? join(work, 'last-scan.json') : join(root, 'security/last-scan.json'),
    JSON.stringify(
      {
        tool: '@doyensec/electronegativity',
        electron: ELECTRON_VERSION,
        findings: findings.length,
        aboveInformational: significant.length,
        allowListed: significant.length - unexplained.length,
        unexplained: unexplained.length,
        byCheck: Object.fromEntries(
          [...new Set(findings.map((f) => f.check))].map((c) => [c, findings.filter((f) => f.check === c).length]),
        ),
      },
      null,
      2,
    ) + '\n',
  );
  for (const f of significant)
    console.log(`${allowed(f) ? 'allowed ' : 'FINDING '} ${f.severity.padEnd(8)} ${f.check} ${f.file}:${f.location}`);
  for (const entry of unused) console.log(`note: allow-list entry no longer needed: ${entry.check} ${entry.file}`);
  if (unexplained.length > 0) {
    console.error(
      `security scan: ${unexplained.length} finding(s) above INFORMATIONAL are not justified in security/electronegativity-allowlist.json.`,
    );
    process.exit(1);
  }
  console.log(`security scan: ${significant.length} finding(s) above INFORMATIONAL, all reviewed and justified.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
