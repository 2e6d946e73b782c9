import { defineProject, environment, cpu, pipeline, serving, monitoring, access } from '@ai-factory/shared';

// The platform declaration of this project. CI/CD, infrastructure values, workloads, dashboards, alert
// rules and roles are synthesized from it: edit it, then run `npm run synth`.
export default defineProject({
  name: "azure-tabular",
  description: "Predicts which customers will churn next month.",
  team: "growth",
  cloud: "azure",
  cicd: "github-actions",
  framework: "sklearn",
  environments: [
    environment("dev"),
    environment("staging"),
    environment("prod"),
  ],
  training: cpu(),
  pipeline: pipeline(),
  serving: serving({ mode: "online" }),
  monitoring: monitoring(),
  access: access({
    "data-scientist": { dev: "write", staging: "read", prod: "read" },
    "data-engineer": { dev: "write", staging: "write", prod: "read" },
    "ml-engineer": { dev: "admin", staging: "write", prod: "read" },
    "model-validator": { dev: "read", staging: "read", prod: "read" },
  }),
});
