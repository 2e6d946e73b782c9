/** The conventions every level of `ai-factory` follows, checked on the built bin as a user runs it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HEAVY_MODULES, modulesLoadedBy } from '@ai-factory/testing';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const aiFactory = (...args: string[]) => execa('node', [BIN, ...args], { reject: false, stdin: 'ignore' });

describe('ai-factory', () => {
  it.each([[['--help']], [['--version']], [['fleet', 'upgrade', '--help']]])('%j loads none of the libraries the commands need only to run', async (args) => {
    const { exitCode, modules } = await modulesLoadedBy(BIN, args);
    expect(exitCode).toBe(0);
    expect(modules.some((url) => url.endsWith('/cli/dist/cli.js'))).toBe(true);
    expect(modules.filter((url) => HEAVY_MODULES.test(url))).toEqual([]);
    // The fleet commands declare their options from fleet/defaults.js; their bodies (git, hashing) wait for a run.
    expect(modules.filter((url) => /\/cli\/dist\/(fleet\/(?!defaults\.js)|commands\/fleet-[a-z]+-run\.js)/.test(url))).toEqual([]);
  });

  it.each([[['--version']], [['-v']], [['fleet', '--version']], [['fleet', 'upgrade', '--version']]])('%j prints the version', async (args) => {
    const result = await aiFactory(...args);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(VERSION);
  });

  it('--help lists every command and ends with the exit codes', async () => {
    const result = await aiFactory('--help');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ {2}fleet upgrade +Upgrade many/m);
    expect(result.stdout).toMatch(/Exit codes:\n +0 +done\n +1 .*\n +2 +wrong arguments.*\n +130 +cancelled/);
  });

  it.each([[['fleet']], [['fleet', '--help']], [['module', '-h']]])('%j lists only the commands of its group', async (args) => {
    const result = await aiFactory(...args);
    expect(result.exitCode).toBe(0);
    const listed = [...result.stdout.matchAll(/^ {2}(\S+ \S+) {2,}/gm)].map((match) => match[1]!);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((name) => name.startsWith(`${args[0]} `))).toBe(true);
  });

  it('an unknown command exits 2 with the commands it could have meant', async () => {
    const result = await aiFactory('fleet', 'upgarde');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^Unknown command: ai-factory fleet upgarde\n[\s\S]*fleet status/);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['an unknown command', ['launch', '--json'], /Unknown command: ai-factory launch --json/],
    ['an unknown option', ['fleet', 'upgrade', '--bogus', '--json'], /Unknown option '--bogus'/],
  ])('%s with --json exits 2 and prints one JSON document', async (_, args, message) => {
    const result = await aiFactory(...args);
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'usage', message: expect.stringMatching(message) } });
  });
});
