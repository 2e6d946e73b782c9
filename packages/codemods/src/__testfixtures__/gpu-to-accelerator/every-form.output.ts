import { defineProject, environment, accelerator, pipeline, serving, monitoring } from '@ai-factory/shared';
import * as shared from '@ai-factory/shared';

const sku = "l4";

export const inference = accelerator(sku);
export const research = shared.accelerator("h100", { 'count': 8 });

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
  training: accelerator("a100-80gb" /* the only SKU with enough memory */, {
    // Four per node: the model needs 300 GB across them.
    count: 4,
    nodes: 2,
  }),
  pipeline: pipeline(),
  serving: serving({ mode: "online", compute: accelerator("t4", { count: 1 }) }),
  monitoring: monitoring(),
});
