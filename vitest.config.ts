import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Test tiers, each with one rule about what is real:
 * - unit: the Electron-free core in Node, with real files and SQLite.
 * - glue: the Electron glue against a hand-written fake `electron` module.
 * - renderer: React components in jsdom against a fake bridge typed by the contract.
 * - e2e: the built renderer in Debian Chromium, through the browser host, against the real core.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['test/main/**/*.test.ts'] } },
      {
        resolve: { alias: { electron: resolve(root, 'test/fakes/electron.ts') } },
        test: { name: 'glue', environment: 'node', include: ['test/glue/**/*.test.ts'] },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
          include: ['test/renderer/**/*.test.tsx', 'test/renderer/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
