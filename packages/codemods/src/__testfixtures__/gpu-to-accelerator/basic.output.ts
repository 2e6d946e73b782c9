import { defineProject, environment, accelerator, pipeline, serving, monitoring, access } from '@ai-factory/shared';

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
  training: accelerator("a100-80gb", { count: 4 }),
  pipeline: pipeline(),
  serving: serving({ ...{ mode: "online" }, compute: accelerator("t4") }),
  monitoring: monitoring(),
  access: access({
    "ml-engineer": { dev: "admin", prod: "read" },
  }),
});
