import { defineProject, environment, serving } from '@ai-factory/shared';

// The team dropped its monitoring options long ago, and kept the import.
export default defineProject({
  name: "batch-only",
  description: "",
  team: "risk",
  cloud: "aws",
  cicd: "gitlab-ci",
  framework: "sklearn",
  environments: [environment("prod")],
  serving: serving({ mode: "batch" }),
});
