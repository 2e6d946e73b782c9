/**
 * Helpers for the platform contract tests: a generated project's Python written to a temp dir, a
 * platform's directory layout under a temp root, the cloud CLIs the gate calls answered from that root
 * (so the real gate script reads what the real training wrote), and the serve image's command.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultAnswers, generateProject, type Answers } from '@ai-factory/engine';
import { writeFiles } from '@ai-factory/tree';
import { loadBuiltinCatalog } from '@ai-factory/templates';
import { execa } from 'execa';

export const PYTHON = '/usr/bin/python3';

const catalog = await loadBuiltinCatalog();

/** A project generated from `answers` into a fresh temp dir; returns the dir. */
export function generatedProject(answers: Partial<Answers>): string {
  const dir = mkdtempSync(join(tmpdir(), 'contract-'));
  // The preset only names where the answers came from; the modules follow the answers.
  const preset = answers.framework === 'pytorch' ? 'k8s-gpu-pytorch' : 'aws-tabular';
  const { tree } = generateProject(catalog, { ...defaultAnswers('churn-model'), preset, ...answers });
  writeFiles(tree, dir);
  return dir;
}

/** A file at `path` under `root`, with its folders. */
export function place(root: string, path: string, content: string | Buffer): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** `values` with every in-container path under `mount` moved under `root` (where the test lays the platform out). */
export function rebased(values: Record<string, string>, mount: string, root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.startsWith(mount) ? root + value : value]));
}

/**
 * A bin folder holding `python` (Debian's) and the cloud CLIs the gate scripts call, answered from local
 * folders: `s3://` and `gs://` URIs are paths under `<storage>/s3/` and `<storage>/gcs/`; what a
 * describe call prints is the environment variable the test sets (DESCRIBED).
 */
export function cloudTools(storage: string): string {
  const bin = mkdtempSync(join(tmpdir(), 'tools-'));
  symlinkSync(PYTHON, join(bin, 'python'));
  const local = `local() { case "$1" in s3://*) echo "${storage}/s3/\${1#s3://}";; gs://*) echo "${storage}/gcs/\${1#gs://}";; *) echo "$1";; esac; }`;
  const copy = [
    'copy() { src=$(local "$1"); dst=$(local "$2"); mkdir -p "$(dirname "$dst")"; cp "$src" "$dst"; }',
    'sync() { src=$(local "$1"); dst=$(local "$2"); mkdir -p "$dst"; if [ -d "$src" ]; then cp -R "$src/." "$dst/"; fi; }',
  ];
  const tool = (name: string, cases: string[]) => {
    writeFileSync(join(bin, name), ['#!/bin/bash', 'set -euo pipefail', local, ...copy, 'case "$*" in', ...cases, '  *) echo "unexpected: ' + name + ' $*" >&2; exit 3;;', 'esac', ''].join('\n'));
    chmodSync(join(bin, name), 0o755);
  };
  tool('aws', ['  "sagemaker describe-training-job "*) echo "$DESCRIBED";;', '  "s3 cp "*) copy "$3" "$4";;', '  "s3 sync "*) sync "$3" "$4";;']);
  tool('gcloud', [
    '  "ai custom-jobs list "*) echo "projects/p/locations/r/customJobs/1";;',
    '  "ai custom-jobs describe "*) echo "$DESCRIBED";;',
    '  "storage rsync --recursive "*) sync "$4" "$5";;',
    '  "storage cp "*) copy "$3" "$4";;',
  ]);
  return bin;
}

/** Runs shell `lines` as the pipelines do (bash, -euo pipefail) in `cwd`. */
export function runShell(lines: string[], cwd: string, env: Record<string, string>) {
  return execa('bash', ['-euo', 'pipefail', '-c', lines.join('\n')], { cwd, env, extendEnv: true, reject: false });
}

/** The serve image's ENTRYPOINT and CMD, as Dockerfile.serve writes them (exec form). */
export function serveImageCommand(dir: string): { entrypoint: string[]; cmd: string[] } {
  const dockerfile = readFileSync(join(dir, 'Dockerfile.serve'), 'utf8');
  const instruction = (name: string) => JSON.parse(new RegExp(`^${name} (\\[.*\\])$`, 'm').exec(dockerfile)![1]!) as string[];
  return { entrypoint: instruction('ENTRYPOINT'), cmd: instruction('CMD') };
}

/** `command` with the container's `python` replaced by Debian's. */
export const onDebian = (command: readonly string[]): string[] => command.map((part) => (part === 'python' ? PYTHON : part));
