/**
 * Run as a separate process by runs-store.test.ts and killed with SIGKILL mid-write: commits details pages of
 * a run forever, announcing each committed page on stdout.
 */
import { openCache } from '../../../../main/cache/index';
import { detailsPageFor } from './pages';

const [file, runId] = process.argv.slice(2);
if (file === undefined || runId === undefined) throw new Error('usage: crash-writer <file> <runId>');
const cache = openCache({ file });
for (let page = cache.run(runId)!.chunks[0]!.lastPage + 1; ; page++) {
  cache.runs.commitDetailsPage(runId, 0, {
    pageNumber: page,
    conversations: detailsPageFor(page),
    nextCursor: `after-${page}`,
  });
  process.stdout.write(`committed ${page}\n`);
}
