import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const noElectron = { name: 'electron', message: 'The core must stay Electron-free: put Electron code in src/main/*.ts glue or behind the Host port.' };
const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'kysely', 'exceljs', 'docx'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // The launchers (npm start / npm test / dist:win) are plain Node scripts.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Everything that runs under vitest and in the bridge: no Electron.
    files: ['src/main/core/**', 'src/shared/**', 'src/bridge/**', 'tests/**', 'bench/**'],
    ignores: ['tests/unit/electron-security.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }] },
  },
  {
    // One handle type and one SQL style outside exchange/ (DESIGN: "One write wrapper, one DB type, one SQL style"):
    // services take Kysely<DB> (a transaction is one) and query through kysely, never the raw better-sqlite3 handle.
    files: ['src/main/core/services/**', 'src/main/core/spreadsheets/**', 'src/main/core/documents/**', 'src/main/core/handlers/**'],
    ignores: ['src/main/core/handlers/exchange.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            { name: 'kysely', importNames: ['Transaction'], message: 'Take the one handle type Kysely<DB>: the write wrapper hands a transaction as one.' },
            { name: 'better-sqlite3', message: 'Query through kysely (ctx.db); raw statements belong to db/ and exchange/ only.' },
          ],
          patterns: [{ group: ['electron/*'], message: noElectron.message }],
        },
      ],
    },
  },
  {
    // Shared code runs in the renderer too: no Node, no database, no Electron.
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: nodeOnly, message: 'src/shared is pure: it runs in the renderer too.' }] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The renderer is a web page: it reaches the core only through window.api.
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: [...nodeOnly, '**/main/**', '**/bridge/**'], message: 'The renderer talks to the core only through the typed client (window.api).' }] },
      ],
    },
  },
);
