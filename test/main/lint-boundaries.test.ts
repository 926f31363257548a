import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/test-core';

/** The architecture rules are only as good as the lint that enforces them: prove the rules fire. */
describe('import boundaries', { timeout: 60_000 }, () => {
  const eslint = new ESLint({ cwd: REPO_ROOT });

  async function ruleIds(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
  }

  it('forbids electron in the core', async () => {
    expect(await ruleIds('main/core/errors.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('allows electron in the glue', async () => {
    expect(
      await ruleIds('main/glue/app-menu.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).not.toContain('no-restricted-imports');
  });

  it('keeps the renderer away from main, Node and window.reportdesk', async () => {
    const file = 'renderer/src/App.tsx';
    expect(
      await ruleIds(file, "import { createCore } from '../../main/core/core';\nexport const c = createCore;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIds(file, "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds(file, 'export const b = window.reportdesk;\n')).toContain('no-restricted-properties');
  });
});
