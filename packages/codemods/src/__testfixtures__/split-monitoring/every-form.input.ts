import { defineProject, environment, cpu, pipeline, serving, monitoring as observability } from '@ai-factory/shared';
import * as shared from '@ai-factory/shared';

const latencyP95Ms = 200;
const driftCriticalPsi = 0.4;

export const staging = shared.defineProject({
  name: "churn-staging",
  description: "",
  team: "growth",
  cloud: "azure",
  cicd: "github-actions",
  framework: "sklearn",
  environments: [shared.environment("staging")],
  serving: shared.serving({ mode: "online" }),
  "monitoring": shared.monitoring({ "latencyP95Ms": 150, ['driftWarningPsi']: 0.2, 'enabled': false }),
});

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
  monitoring: observability({ latencyP95Ms, "errorRatePercent": 2, driftCriticalPsi }),
});
