import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue';
import { CatalogueContext } from './context';
import { ERRORS_DOC, REGENERATE, renderErrorsDoc } from './errors-doc';
import { AREAS, templatePattern, type CatalogueCase } from './types';

/**
 * The bad-input catalogue, run for real: each case provokes its situation and the message the user saw must be
 * the table's, whole (only `{…}` parts may vary); "nothing lost" checks run inside the cases.
 */
describe('the bad-input catalogue', { timeout: 30_000 }, () => {
  let ctx: CatalogueContext;
  beforeAll(async () => {
    ctx = await CatalogueContext.start();
  }, 30_000);
  afterAll(() => ctx.close());

  const check = async (item: CatalogueCase, local: typeof expect, skip: (note: string) => void) => {
    const seen = await item.run(ctx, local);
    if ('skipped' in seen) {
      console.warn(`NOTICE: ${item.id} skipped — ${seen.skipped}`);
      skip(seen.skipped);
      return;
    }
    if (item.message === null) local(seen.message, 'a tolerated case must show no error').toBeNull();
    else local(seen.message).toMatch(templatePattern(item.message));
  };

  for (const area of AREAS) {
    // CLI cases each start a process and wait for it; nothing they share changes, so they run side by side.
    const group = area === 'CLI' ? describe.concurrent : describe;
    group(area, () => {
      for (const item of CATALOGUE.filter((candidate) => candidate.area === area)) {
        it(`${item.id}: ${item.situation}`, ({ expect: local, skip }) => check(item, local, skip));
      }
    });
  }
});

describe('docs/errors.md', () => {
  it('has at least 40 situations, each with a unique id, a message or outcome, and advice', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CATALOGUE.map((item) => item.id)).size).toBe(CATALOGUE.length);
    for (const item of CATALOGUE) {
      expect(item.message !== null || item.outcome !== undefined, item.id).toBe(true);
      expect(item.advice.length, item.id).toBeGreaterThan(0);
    }
  });

  it('is generated from the catalogue and up to date', async () => {
    const expected = await renderErrorsDoc(CATALOGUE);
    expect(readFileSync(ERRORS_DOC, 'utf8'), `docs/errors.md is out of date: run ${REGENERATE}`).toBe(expected);
  });
});
