/**
 * A generated project's own CI, run here: the shell steps of its CI pipeline, read from the file its CI
 * system reads (GitHub Actions, Azure Pipelines or GitLab CI), so the file and this test cannot drift
 * apart. A step runs exactly as written unless it needs what no machine of this suite has: PyPI (the
 * Python packages come from Debian instead), ruff (not packaged for Debian), or Terraform (not
 * installable). Those are returned as skipped, with the reason, for the tests to pin.
 */
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';

export interface CiStep {
  job: string;
  /** The step's shell text, as the CI system runs it. */
  run: string;
}

type Yaml = Record<string, unknown>;
const read = (dir: string, path: string) => parse(readFileSync(join(dir, path), 'utf8')) as Yaml;
const scriptOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

function githubSteps(dir: string): CiStep[] {
  const jobs = read(dir, '.github/workflows/ci.yml').jobs as Record<string, { steps: { run?: string }[] }>;
  return Object.entries(jobs).flatMap(([job, { steps }]) => steps.filter((step) => step.run).map((step) => ({ job, run: step.run! })));
}

function azureSteps(dir: string): CiStep[] {
  const jobs = read(dir, '.azure-pipelines/ci.yml').jobs as { job: string; steps: { bash?: string; script?: string }[] }[];
  return jobs.flatMap(({ job, steps }) => steps.flatMap((step) => scriptOf(step.bash ?? step.script).map((run) => ({ job, run }))));
}

function gitlabSteps(dir: string): CiStep[] {
  const jobs = read(dir, '.gitlab/ci/ci.yml') as Record<string, { script?: unknown }>;
  return Object.entries(jobs).flatMap(([job, spec]) => scriptOf(spec?.script).map((run) => ({ job, run })));
}

/** The CI pipeline's shell steps, in order, from whichever CI system the project uses. */
export function ciSteps(dir: string): CiStep[] {
  const cicd = (JSON.parse(readFileSync(join(dir, '.ai-factory/manifest.json'), 'utf8')) as { answers: { cicd: string } }).answers.cicd;
  if (cicd === 'github-actions') return githubSteps(dir);
  if (cicd === 'azure-pipelines') return azureSteps(dir);
  if (cicd === 'gitlab-ci') return gitlabSteps(dir);
  throw new Error(`No reader for the CI system ${cicd}`);
}

/** Why a step cannot run on this machine, or undefined when it runs as written. */
export function unrunnable(step: CiStep): string | undefined {
  if (/\bterraform\b/.test(step.run)) return 'Terraform is not installable here';
  if (/\bpip install\b/.test(step.run)) return "PyPI is not reachable here: the packages come from Debian's python3-*";
  if (/^\s*(set -euo pipefail\s*)?ruff\b/m.test(step.run)) return 'ruff is not packaged for Debian';
  return undefined;
}

export interface CiRun {
  ran: CiStep[];
  skipped: (CiStep & { why: string })[];
}

/**
 * Runs the runnable steps in `dir` with bash, as the CI systems do; `python` is Debian's python3 with the
 * project's `src` on the path, where CI would have installed the package. Rejects on the first failure.
 */
export async function runCi(dir: string, env: NodeJS.ProcessEnv): Promise<CiRun> {
  const bin = mkdtempSync(join(tmpdir(), 'ci-bin-'));
  symlinkSync('/usr/bin/python3', join(bin, 'python'));
  const stepEnv = { ...env, PATH: `${bin}:${env.PATH ?? process.env.PATH}`, PYTHONPATH: 'src', CI: 'true' };
  const result: CiRun = { ran: [], skipped: [] };
  for (const step of ciSteps(dir)) {
    const why = unrunnable(step);
    if (why) {
      result.skipped.push({ ...step, why });
      continue;
    }
    const run = await execa('bash', ['-euo', 'pipefail', '-c', step.run], { cwd: dir, env: stepEnv, reject: false, all: true });
    if (run.exitCode !== 0) throw new Error(`CI step of job ${step.job} failed (exit ${run.exitCode}): ${step.run}\n${run.all}`);
    result.ran.push(step);
  }
  return result;
}
