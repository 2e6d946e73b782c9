import { defineProject, environment, cpu, pipeline, serving, slo, drift, access } from '@ai-factory/shared';

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
  slo: slo({ latencyP95Ms: 150, errorRatePercent: 0.5 }),
  drift: drift({ warning: 0.15, critical: 0.3 }),
  access: access({
    "data-scientist": { dev: "write", prod: "read" },
  }),
});
