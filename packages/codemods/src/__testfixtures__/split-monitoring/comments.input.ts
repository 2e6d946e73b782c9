import { defineProject, environment, cpu, pipeline, serving, monitoring } from '@ai-factory/shared';

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
  // Owned by the ML engineer and the model validator together.
  monitoring: monitoring({
    // Agreed with the product team in the Q3 review.
    latencyP95Ms: 250,
    errorRatePercent: 0.5, /* half the budget */
    // Tighter than the default: the features move slowly.
    driftWarningPsi: 0.05,
    driftCriticalPsi: 0.3, // retrain above this
    // Dashboards stay on while the service is new.
    enabled: true,
  }), // reviewed 2024-03
});
