// ESLint flat config: eslint's and typescript-eslint's recommended rules over the whole tree.
// Types are checked by `tsc -p tsconfig.check.json` (see the lint script), so the rules here are not type-aware.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/build/',
    '.tmp/',
    '.cache/',
    '.strapi/',
    'coverage/',
    'public/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `const { hash, ...rest } = entry` is how a key is left out of a copy here.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Plain Node scripts (jest harness, Strapi's plugin entry, the demo launcher) load modules with require.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', parserOptions: { ecmaFeatures: { globalReturn: true } } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The portal's enhancement scripts run in the browser.
    files: ['plugins/participation/portal/assets/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    // Type-only namespaces name each route's Request and Response, as Strapi's own plugins' contracts do.
    files: ['plugins/*/shared/contracts/**/*.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
);
