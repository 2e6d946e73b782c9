// One lint config for every workspace: ESLint's and typescript-eslint's recommended rules with type information,
// on source only (generated files, build output and the fixtures of old factory releases are not ours to lint).
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/files/**', '**/__testfixtures__/**', 'docs/**', 'generators/templates/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      // Each file is checked in the program of its nearest tsconfig.json, as the editor and `npm run typecheck` see it.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, an ignored parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The plain-JavaScript scripts, generators and this file have no types to check against (no tsconfig compiles
    // them): they get the untyped recommended rules.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests and their support read back parsed YAML and JSON, whose shape is exactly what they assert: typing every
    // parsed document before asserting on it would restate the assertion. Source must type what it parses.
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
