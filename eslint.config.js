// Lint rules. The one that matters most: src/sim/ is a pure core (README, Layout):
// no DOM, three, React, comlink, Node or worker APIs, and no wall-clock time.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const pureCoreImports = [
  {
    group: ['three', 'three/*', '@react-three/*', 'react', 'react-dom', 'react/*', 'comlink', 'zustand', 'uplot'],
    message: 'src/sim is the pure core: no UI or worker libraries.',
  },
  {
    group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'worker_threads', 'child_process', 'url'],
    message: 'src/sim is the pure core: no Node APIs (pass data in instead).',
  },
  { group: ['**/app/**', '**/cli/**', '**/workers/**'], message: 'Imports flow one way: app/cli/workers → sim.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'out/', 'test-results/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier wraps code at 160; this also holds comments and strings to it.
      'max-len': ['error', { code: 160, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // The rules of hooks and the React Compiler's checks (the plugin's recommended set) for the app.
    files: ['src/app/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/sim/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: pureCoreImports }],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'self',
          'postMessage',
          'Worker',
          'process',
          'performance',
          'localStorage',
          'fetch',
          'setTimeout',
          'setInterval',
          'requestAnimationFrame',
        ].map((name) => ({ name, message: `src/sim is pure: no ${name}.` })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Simulation time is explicit: no Date.now() in src/sim.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Simulation time is explicit: no new Date() without a time in src/sim.' },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Every random draw comes from the scenario seed: use src/sim/rng.ts.',
        },
      ],
    },
  },
);
