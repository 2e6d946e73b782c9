/** Declarations for the CI/CD tests: every cloud × CI system × serving mode × CPU/GPU training. */
import { CICD_SYSTEMS, CLOUDS, type CicdSystem, type Cloud } from '../declaration/common.js';
import { cpu, accelerator } from '../declaration/compute.js';
import { environment } from '../declaration/environment.js';
import { defineMlProject, type ProjectDeclaration } from '../declaration/project.js';
import { pipeline } from '../declaration/pipeline.js';
import { serving, SERVING_MODES, type ServingMode } from '../declaration/serving.js';
import { offeredGpus } from '../gpu/catalog.js';

export interface Combination {
  cloud: Cloud;
  cicd: CicdSystem;
  mode: ServingMode;
  training: 'cpu' | 'gpu';
}

/** A project of one combination; GPU training is PyTorch on the first GPU the cloud offers. */
export function projectFor({ cloud, cicd, mode, training }: Combination, overrides: { retrainOnDrift?: boolean; schedule?: string | null } = {}): ProjectDeclaration {
  const offered = offeredGpus(cloud)[0]!;
  return defineMlProject({
    name: 'churn-model',
    description: 'Predicts churn',
    team: 'growth',
    cloud,
    cicd,
    framework: training === 'gpu' ? 'pytorch' : 'sklearn',
    environments: [environment('dev'), environment('staging'), environment('prod')],
    training: training === 'gpu' ? accelerator(offered.sku, { count: offered.count }) : cpu(),
    pipeline: pipeline({ retrainOnDrift: overrides.retrainOnDrift ?? true, schedule: overrides.schedule === undefined ? '0 3 * * 1' : overrides.schedule }),
    serving: serving({ mode }),
  });
}

/** All combinations, in a stable order. */
export function allCombinations(): Combination[] {
  return CLOUDS.flatMap((cloud) =>
    CICD_SYSTEMS.flatMap((cicd) => SERVING_MODES.flatMap((mode) => (['cpu', 'gpu'] as const).map((training) => ({ cloud, cicd, mode, training })))),
  );
}
