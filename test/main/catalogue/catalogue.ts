import { cliCases } from './cases/cli';
import { contractCases } from './cases/contract';
import { filesCases } from './cases/files';
import { formCases } from './cases/form';
import { genesysCases } from './cases/genesys';
import type { CatalogueCase } from './types';

/** The bad-input catalogue: every row is a test (catalogue.test.ts) and an entry of docs/errors.md. */
export const CATALOGUE: readonly CatalogueCase[] = [
  ...formCases,
  ...contractCases,
  ...cliCases,
  ...genesysCases,
  ...filesCases,
];
