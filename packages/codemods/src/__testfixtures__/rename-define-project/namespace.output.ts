import * as shared from '@ai-factory/shared';

export default shared.defineMlProject({
  name: "fraud",
  description: "",
  team: "risk",
  cloud: "aws",
  cicd: "gitlab-ci",
  framework: "sklearn",
  environments: [shared.environment("prod")],
  serving: shared.serving({ mode: "batch" }),
});
