/**
 * Writes docs/errors.md from the bad-input catalogue (test/main/catalogue/). Run after changing a case:
 *   npx tsx scripts/errors-doc.ts
 * The catalogue test fails while the file and the table differ.
 */
import { writeFileSync } from 'node:fs';
import { CATALOGUE } from '../test/main/catalogue/catalogue';
import { ERRORS_DOC, renderErrorsDoc } from '../test/main/catalogue/errors-doc';

writeFileSync(ERRORS_DOC, await renderErrorsDoc(CATALOGUE));
process.stdout.write(`${ERRORS_DOC}: ${CATALOGUE.length} situations\n`);
