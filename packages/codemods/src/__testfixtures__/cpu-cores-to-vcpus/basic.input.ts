import { defineProject, environment, cpu, pipeline, serving, monitoring } from '@ai-factory/shared';

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
  // Bigger nodes: the feature pipeline is memory-hungry.
  training: cpu({ cores: 8, memoryGi: 64 }),
  pipeline: pipeline(),
  serving: serving({ ...{ mode: "online" }, compute: cpu({ cores: 2 }) }),
  monitoring: monitoring(),
});
