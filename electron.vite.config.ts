import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, metaPolicy } from './main/security/csp';

const root = import.meta.dirname;

/**
 * Writes the one CSP (main/security/csp.ts) into the built index.html, so the
 * policy holds even where response headers are not applied. In dev the
 * Electron glue sends a dev policy as a header instead.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'reportdesk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy(CONTENT_SECURITY_POLICY) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The core runs in a worker thread (main/worker/core-host.ts starts out/main/core-worker.js).
        input: { index: resolve(root, 'main/index.ts'), 'core-worker': resolve(root, 'main/worker/core-worker.ts') },
      },
    },
  },
  preload: {
    // Sandboxed preloads must be one CommonJS file that requires only `electron`.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      minify: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
