import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeGitHost } from '@ai-factory/testing';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli.js';

async function validate(args: string[], cwd = tmpdir()) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['module', 'validate', ...args], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive: false });
  return { code, stdout, stderr };
}

function dataModule(template: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'validate-')), 'ops', 'probe');
  mkdirSync(join(dir, 'files'), { recursive: true });
  writeFileSync(join(dir, 'module.json'), JSON.stringify({ id: 'ops/probe', version: '1.0.0', summary: 'Probe', files: [{ include: '**' }] }));
  writeFileSync(join(dir, 'README.md'), '# ops/probe\n\nA probe.\n');
  writeFileSync(join(dir, 'module.test.ts'), '');
  writeFileSync(join(dir, 'files', 'probe.sh.hbs'), template);
  return dir;
}

describe('ai-factory module validate', () => {
  it('passes a module that meets the contract', async () => {
    const result = await validate([dataModule('echo {{sh name}}\n')]);
    expect(result.stdout).toContain('✓ ops/probe');
    expect(result.code).toBe(0);
  });

  it('lists each problem with file and line, and exits 1', async () => {
    const result = await validate([dataModule('#!/bin/sh\necho {{name}}\n'), '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      modules: [{ module: 'ops/probe', problems: [{ check: 'escaping', file: 'files/probe.sh.hbs', line: 2 }] }],
    });
  });

  it('checks every built-in module when no path is given', async () => {
    const result = await validate([]);
    for (const id of ['core/project', 'ml/tabular-core', 'serving/online-fastapi']) expect(result.stdout).toMatch(new RegExp(`[✓✗] ${id}`));
  });

  it('reports a folder that is not a module', async () => {
    const result = await validate([tmpdir()]);
    expect(result.stdout).toMatch(/\[definition\] .*neither module.ts nor module.json/);
    expect(result.code).toBe(1);
  });

  it('validates the modules of an external source, fetched at its pinned commit', async () => {
    const host = fakeGitHost();
    const module = { id: 'ops/probe', version: '1.0.0', summary: 'Probe', files: [{ include: '**' }] };
    const [commit] = host.publish('acme/modules', [{ files: {
      'ops/probe/module.json': JSON.stringify(module),
      'ops/probe/README.md': '# ops/probe\n\nA probe.\n',
      'ops/probe/files/tests/probe.sh.hbs': 'echo {{name}}\n',
    } }]);
    for (const [key, value] of Object.entries(host.env)) vi.stubEnv(key, value);
    try {
      const result = await validate(['--source', 'acme/modules#main']);
      expect(result.stdout).toContain(`✗ ops/probe (acme/modules#main@${commit!.slice(0, 12)})`);
      expect(result.stdout).toContain('files/tests/probe.sh.hbs:1: [escaping] {{name}}');
      expect(result.code).toBe(1);
      expect((await validate(['--source', 'acme/absent'])).stderr).toMatch(/unreachable/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
