import { defineProject, environment, gpu, pipeline, serving, monitoring } from '@ai-factory/shared';
import * as shared from '@ai-factory/shared';

const sku = "l4";

export const inference = gpu({ sku });
export const research = shared.gpu({ "sku": "h100", 'count': 8 });

export default defineProject({
  name: "vision",
  description: "Detects defects",
  team: "quality",
  cloud: "kubernetes",
  cicd: "github-actions",
  framework: "pytorch",
  environments: [
    environment("dev"),
    environment("prod"),
  ],
  training: gpu({
    // Four per node: the model needs 300 GB across them.
    count: 4,
    sku: "a100-80gb", // the only SKU with enough memory
    nodes: 2,
  }),
  pipeline: pipeline(),
  serving: serving({ mode: "online", compute: gpu({ ["sku"]: "t4", count: 1 }) }),
  monitoring: monitoring(),
});
