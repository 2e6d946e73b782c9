import { defineProject, environment, cpu, pipeline, serving, slo, drift } from '@ai-factory/shared';

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
  slo: slo({
    // Agreed with the product team in the Q3 review.
    latencyP95Ms: 250,
    errorRatePercent: 0.5, /* half the budget */
  }),
  drift: drift({
    // Tighter than the default: the features move slowly.
    warning: 0.05,
    critical: 0.3, // retrain above this
  }),
  // Dashboards stay on while the service is new.
  monitoring: true, // reviewed 2024-03
});
