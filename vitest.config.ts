import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'templates/**/*.test.ts', 'scripts/**/*.test.ts', 'generators/**/*.test.ts', 'e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/files/**'],
    // Vitest's default leaves a core to its main process: one worker on a 2-core machine. These tests spend
    // most of their time waiting on the git, npm, Python and podman processes they spawn, so one worker per
    // core keeps both cores busy (the whole suite: 803 s instead of about 2,400 s on 2 cores).
    maxWorkers: Math.max(2, availableParallelism()),
    // End-to-end tests spawn the built CLI, git and Python; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
