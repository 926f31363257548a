/**
 * `npm run soak [-- soak sync export]`: the long reliability runs — the fault soak (a few minutes), 20 SIGKILL
 * points during sync and 20 during export — each writing docs/reliability/<kind>-long.json and regenerating
 * docs/reliability.md. Exits with 1 when any of them failed. RELIABILITY_SEED replays the kill points of a run.
 */
import { runExportCrashes, EXPORT_CRASH_PROFILES } from './export-crash';
import { runFaultSoak } from './fault-soak';
import { writeFigures } from './figures';
import { soakSummaryLine } from './soak-figures';
import { reliabilitySeed } from './seed';
import { PROFILES } from './soak-plan';
import { SYNC_CRASH_PROFILES, runSyncCrashes } from './sync-crash';

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const runs = ['soak', 'sync', 'export'].filter((name) => wanted.length === 0 || wanted.includes(name));
const unknown = wanted.filter((name) => !['soak', 'sync', 'export'].includes(name));
if (unknown.length > 0) {
  console.error(`Unknown run(s): ${unknown.join(', ')}. Choose from: soak, sync, export.`);
  process.exit(2);
}

const seed = reliabilitySeed();
const failed: string[] = [];
if (runs.includes('soak')) {
  console.log('== fault soak (long)');
  const figures = await runFaultSoak(PROFILES.long);
  const file = await writeFigures('soak-long', figures);
  console.log(`  ${soakSummaryLine(figures)} → ${file}`);
  for (const line of [...figures.failures, ...figures.rows.mismatches, ...figures.unexpected])
    console.log(`  ! ${line}`);
  if (!figures.passed) failed.push('fault soak');
}
if (runs.includes('sync')) {
  console.log(`== SIGKILL during sync (seed ${seed})`);
  const figures = await runSyncCrashes({ ...SYNC_CRASH_PROFILES.long, seed });
  await writeFigures('sync-crash-long', figures);
  console.log(`  ${figures.passed}/${figures.tested} kill points passed`);
  if (figures.passed !== figures.tested) failed.push('sync crash');
}
if (runs.includes('export')) {
  console.log(`== SIGKILL during export (seed ${seed})`);
  const figures = await runExportCrashes({ ...EXPORT_CRASH_PROFILES.long, seed });
  await writeFigures('export-crash-long', figures);
  console.log(
    `  ${figures.passed}/${figures.tested} kill points passed; next export ${figures.afterwards.complete ? 'complete' : 'FAILED'}`,
  );
  if (figures.passed !== figures.tested || !figures.afterwards.complete) failed.push('export crash');
}
console.log(
  failed.length === 0 ? 'docs/reliability.md updated.' : `docs/reliability.md updated — FAILED: ${failed.join(', ')}`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
