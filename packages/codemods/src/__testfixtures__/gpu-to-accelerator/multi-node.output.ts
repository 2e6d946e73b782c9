import { defineProject, environment, accelerator as gpuProfile, serving } from '@ai-factory/shared';

export default defineProject({
  name: "llm-tuning",
  description: "",
  team: "nlp",
  cloud: "azure",
  cicd: "azure-pipelines",
  framework: "pytorch",
  environments: [environment("prod")],
  training: gpuProfile("h100", { count: 8, nodes: 2 }),
  serving: serving({ mode: "batch" }),
});
