import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Files allowed to import `electron`: the thin glue, the preload, and the fake used to test them. */
const ELECTRON_GLUE = [
  'main/index.ts',
  'main/glue/**/*.ts',
  'preload/index.ts',
  'test/glue/**/*.ts',
  'test/fakes/electron.ts',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.electron-native/**',
      'test/artifacts/**',
      'coverage/**',
      '**/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only the Electron glue (main/glue, main/index.ts, preload/index.ts) may import electron. Keep the core Electron-free.',
            },
          ],
        },
      ],
    },
  },
  { files: ELECTRON_GLUE, rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.reportdesk (api/client.ts).' },
          ],
          patterns: [
            {
              group: ['**/main/**', 'node:*'],
              message: 'The renderer may import only the contract (preload/contract), never main or Node modules.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'reportdesk', message: 'Call the core through renderer/src/api/client.ts only.' },
      ],
    },
  },
  { files: ['renderer/src/api/client.ts'], rules: { 'no-restricted-properties': 'off' } },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
