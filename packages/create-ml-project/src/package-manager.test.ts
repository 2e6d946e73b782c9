import { describe, expect, it } from 'vitest';
import { detectPackageManager } from './package-manager.js';

describe('package manager', () => {
  it.each([
    ['npm/11.6.2 node/v20.19.0 linux x64 workspaces/false', 'npm'],
    ['pnpm/9.12.0 npm/? node/v20.19.0 linux x64', 'pnpm'],
    ['yarn/4.5.0 npm/? node/v20.19.0 linux x64', 'yarn'],
    ['bun/1.1.30 npm/? node/v20.19.0 linux x64', 'bun'],
    [undefined, 'npm'],
  ])('reads %j as %s', (agent, manager) => {
    expect(detectPackageManager(agent)).toBe(manager);
  });
});
