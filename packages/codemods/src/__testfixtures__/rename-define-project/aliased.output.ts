import { defineMlProject as project, environment, serving } from '@ai-factory/shared';

const environments = [environment("dev"), environment("prod")];

export default project({
  name: "fraud",
  description: "",
  team: "risk",
  cloud: "aws",
  cicd: "gitlab-ci",
  framework: "sklearn",
  environments,
  serving: serving({ mode: "batch" }),
});
