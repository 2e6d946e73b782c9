/**
 * `synthesizeCicd`: the CI/CD pipelines of the project's CI system (GitHub Actions, Azure Pipelines or
 * GitLab CI), rendered from one description of the stages (stages.ts).
 */
import type { Synthesizer } from '../synth/artifact.js';
import { azurePipelines } from './azure-pipelines.js';
import { githubWorkflows } from './github.js';
import { gitlabCi } from './gitlab.js';
import { planCicd } from './stages.js';

/**
 * Synthesizes the pipeline files of `project.cicd`.
 * @example synthesizeCicd(project).map((a) => a.path) // ['.github/workflows/ci.yml', ...]
 */
export const synthesizeCicd: Synthesizer = (project) => {
  const plan = planCicd(project);
  switch (project.cicd) {
    case 'github-actions':
      return githubWorkflows(project, plan);
    case 'azure-pipelines':
      return azurePipelines(project, plan);
    case 'gitlab-ci':
      return gitlabCi(project, plan);
  }
};

export { ACTION_PINS } from './pins.js';
export { planCicd } from './stages.js';
