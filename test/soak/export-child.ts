/**
 * Run as its own process by export-crash.ts and killed with SIGKILL mid-export: exports `rows` deterministic
 * report rows (the export tests' own fixture) to `file`, printing "start" just before the exporter opens its file
 * and "done <bytes>" once the file is in place.
 * Usage: export-child <json: { file, rows }>
 */
import { exportReport } from '../../main/export/index';
import { ABOUT, COLUMNS, optionsFor, ordinaryRows } from '../main/export/support/fixture';

const args = JSON.parse(process.argv[2] ?? '{}') as { file: string; rows: number };
const rows = ordinaryRows(args.rows);
process.stdout.write('start\n');
const result = await exportReport({ file: args.file, columns: COLUMNS, rows, options: optionsFor(), about: ABOUT });
process.stdout.write(`done ${result.bytes}\n`);
