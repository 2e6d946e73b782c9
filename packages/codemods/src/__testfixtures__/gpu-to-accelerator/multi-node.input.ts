import { defineProject, environment, gpu as gpuProfile, serving } from '@ai-factory/shared';

export default defineProject({
  name: "llm-tuning",
  description: "",
  team: "nlp",
  cloud: "azure",
  cicd: "azure-pipelines",
  framework: "pytorch",
  environments: [environment("prod")],
  training: gpuProfile({ count: 8, sku: "h100", nodes: 2 }),
  serving: serving({ mode: "batch" }),
});
