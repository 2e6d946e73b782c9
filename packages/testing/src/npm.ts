/** npm as a user runs it on a machine of their own: its own home, npm cache and user config. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestRegistry } from './registry.js';

const run = promisify(execFile);

/** A value of the npm configuration in force where the tests run, e.g. the registry to proxy to. */
export async function npmConfig(key: string): Promise<string> {
  return (await run('npm', ['config', 'get', key])).stdout.trim();
}

/**
 * The environment without what an enclosing `npm run` exports (`npm_config_*`, `npm_package_*`…): a
 * command started from a test must see its own npm configuration, as in a terminal.
 */
export function outsideNpm(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_(config|package|lifecycle)_|^npm_(execpath|node_execpath|command)$|^INIT_CWD$/i.test(key)));
}

/** A user's machine: nothing installed, no git identity, npm pointed at the registry. */
export interface UserMachine {
  home: string;
  env: NodeJS.ProcessEnv;
}

/**
 * A fresh machine whose only package source is `registry`.
 * @example const machine = newMachine(registry); await execa('npm', ['create', 'ml-project@latest', 'demo'], { env: machine.env });
 */
export function newMachine(registry: Pick<TestRegistry, 'userConfig'>): UserMachine {
  const home = mkdtempSync(join(tmpdir(), 'machine-'));
  const cache = join(home, '.npm');
  mkdirSync(cache);
  const env: NodeJS.ProcessEnv = {
    ...outsideNpm(process.env),
    HOME: home,
    npm_config_userconfig: registry.userConfig(home),
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  return { home, env };
}
