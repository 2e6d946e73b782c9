/** The package manager the user ran us with (`npm create`, `pnpm create`, `yarn create`, `bun create`). */
export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/**
 * Reads it from `npm_config_user_agent`, which every one of them sets, e.g. `pnpm/9.1.0 npm/? node/v20`.
 * @default 'npm' when the variable is absent or names something else
 */
export function detectPackageManager(userAgent: string | undefined = process.env.npm_config_user_agent): PackageManager {
  const name = userAgent?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' || name === 'bun' ? name : 'npm';
}

/** How to run a package script with arguments in that package manager. */
export function runScript(manager: PackageManager, script: string, args = ''): string {
  const extra = args ? (manager === 'npm' ? ` -- ${args}` : ` ${args}`) : '';
  return manager === 'yarn' ? `yarn ${script}${extra}` : `${manager} run ${script}${extra}`;
}
