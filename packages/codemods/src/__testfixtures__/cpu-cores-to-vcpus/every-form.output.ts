import { defineProject, environment, cpu as compute, pipeline, serving, monitoring, type CpuOptions } from '@ai-factory/shared';
import * as shared from '@ai-factory/shared';

const cores = 16;
const memoryGi = 64;

export default defineProject({
  name: "churn-model",
  description: "Predicts churn",
  team: "growth",
  cloud: "gcp",
  cicd: "github-actions",
  framework: "sklearn",
  environments: [
    environment("dev"),
    environment("prod"),
  ],
  // Shorthand: the option is renamed, the variable keeps its name.
  training: compute({ vcpus: cores, memoryGi }),
  pipeline: pipeline(),
  serving: serving({
    mode: "online",
    compute: compute(({ "vcpus": 2, 'memoryGi': 8 }) satisfies CpuOptions),
  }),
  monitoring: monitoring(),
});

/** Quoted, computed and namespaced forms. */
export const batch = shared.cpu({ ["vcpus"]: 4, /* the default */ memoryGi: 16 } satisfies shared.CpuOptions);
export const nightly = shared.cpu({
  // Sized for the backfill.
  'vcpus': 32,
});
