import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planCicd } from '../../cicd/stages.js';
import { allCombinations, projectFor } from '../../testing/cicd-projects.js';

/** The request parameters of each `aws sagemaker` command (vendor/sagemaker/SOURCES.md). */
const OPERATIONS = (JSON.parse(readFileSync(new URL('../../../../../vendor/sagemaker/api.json', import.meta.url), 'utf8')) as { operations: Record<string, string[]> }).operations;

/** Waiters poll an operation and take its parameters. */
const WAITERS: Record<string, string> = { 'endpoint-in-service': 'describe-endpoint', 'training-job-completed-or-stopped': 'describe-training-job' };
/** Options of the AWS CLI itself rather than of the operation. */
const CLI_OPTIONS = new Set(['cli-input-json', 'query', 'output', 'region']);

const pascal = (flag: string) => flag.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');

describe('every aws sagemaker call of the pipelines passes parameters its operation takes', () => {
  const projects = allCombinations().filter((c) => c.cloud === 'aws' && c.cicd === 'github-actions').map((c) => [`${c.mode} × ${c.training}`, projectFor(c)] as const);

  it.each(projects)('%s', (_, project) => {
    const plan = planCicd(project);
    const script = [...plan.train.jobs, ...plan.deploy.jobs].flatMap((job) => job.steps.map((step) => step.run)).join('\n');
    const calls = [...script.matchAll(/aws sagemaker (wait )?([a-z-]+)((?: +(?:--[a-z-]+|"(?:\\.|[^"\\])*"|'[^']*'|[^\s|;)'"]+))*)/g)];
    expect(calls.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const [call, wait, command, args] of calls) {
      const operation = wait ? WAITERS[command!] : command!;
      const parameters = operation ? OPERATIONS[operation] : undefined;
      if (!parameters) {
        problems.push(`${call.slice(0, 60)}: ${command} is not a vendored SageMaker operation`);
        continue;
      }
      for (const [, flag] of args!.matchAll(/(?:^|\s)--([a-z-]+)/g)) {
        if (!CLI_OPTIONS.has(flag!) && !parameters.includes(pascal(flag!))) problems.push(`aws sagemaker ${command} --${flag}: ${operation} takes no ${pascal(flag!)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
