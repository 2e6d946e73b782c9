import { defineProject, environment, cpu, pipeline, serving, monitoring } from '@ai-factory/shared';

// The platform declaration of this project.
export default defineProject({
  name: "churn-model",
  description: "Predicts churn",
  team: "growth",
  cloud: "azure",
  cicd: "github-actions",
  framework: "sklearn",
  environments: [
    environment("dev"),
    environment("prod"),
  ],
  training: cpu(),
  pipeline: pipeline(),
  serving: serving({ mode: "online" }),
  monitoring: monitoring({ enabled: false }),
});
