/**
 * Which files a Node command loads: a resolve hook registered before the command's own code reports
 * every module URL on a side channel. Start-up tests use it to keep heavy libraries off the paths that
 * only print help.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What the CLIs need only to do their work, never to print help: the schemas (zod), the renderer, ts-morph
 * and the compiler, the prompts, the catalog, the codemods, and the engine's full entry point.
 */
export const HEAVY_MODULES = /\/node_modules\/(zod|ts-morph|typescript|handlebars|@clack\/prompts)\/|\/(templates|packages\/codemods)\/dist\/|\/packages\/engine\/dist\/index\.js$/;

export interface LoadedModules {
  exitCode: number;
  /** The URL of every module the command resolved, in order, without duplicates or `node:` built-ins. */
  modules: string[];
}

/** Runs `node <script> ...args` (whatever its exit code) and lists the modules it loaded. */
export async function modulesLoadedBy(script: string, args: readonly string[] = []): Promise<LoadedModules> {
  const dir = mkdtempSync(join(tmpdir(), 'loaded-modules-'));
  try {
    const log = join(dir, 'modules.log');
    const hooks = join(dir, 'hooks.mjs');
    // Hooks run off the main thread: they append to a file rather than sharing the command's stdout.
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';\n` +
        `export async function resolve(specifier, context, next) {\n` +
        `  const resolved = await next(specifier, context);\n` +
        `  appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n');\n` +
        `  return resolved;\n}\n`,
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    writeFileSync(log, '');
    const exitCode = await run('node', ['--import', pathToFileURL(register).href, script, ...args]).then(
      () => 0,
      (error: { code?: unknown }) => {
        // A non-zero exit is a result; failing to start node (a string code such as ENOENT) is not.
        if (typeof error.code === 'number') return error.code;
        throw error;
      },
    );
    return { exitCode, modules: [...new Set(readFileSync(log, 'utf8').split('\n').filter((url) => url && !url.startsWith('node:')))] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
