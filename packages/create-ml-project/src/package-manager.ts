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
