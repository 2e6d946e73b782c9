/** Installs a new project's Node dependencies, so its first commit carries the lock file its CI runs `npm ci` on. */
import { FactoryError } from '@ai-factory/engine';

/**
 * `npm install` in `dir` from `registry`. The project is always installed with npm whichever package
 * manager ran us: its pipelines run `npm ci` on package-lock.json.
 */
export async function installDependencies(dir: string, registry: string): Promise<void> {
  const { execa } = await import('execa');
  // --registry on the command line: it must win over an npm_config_registry exported by `npm create`.
  const result = await execa('npm', ['install', '--no-audit', '--no-fund', '--registry', registry], { cwd: dir, reject: false, all: true });
  if (result.exitCode !== 0) {
    const tail = (result.all ?? '').trim().split('\n').slice(-8).join('\n');
    throw new FactoryError(
      'install-failed',
      `npm install failed in the new project (registry ${registry}):\n${tail}`,
      'Check that the registry serves @ai-factory/shared (--registry), or create the project with --no-install and install later.',
    );
  }
}
