// One lint config for every workspace: ESLint's and typescript-eslint's recommended rules, on source only
// (generated files, build output and the fixtures of old factory releases are not ours to lint).
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/files/**', '**/__fixtures__/**', '**/__testfixtures__/**', 'docs/**', 'generators/templates/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, an ignored parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read back parsed YAML and JSON, whose shape is what they assert.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
