import { defineMlProject, environment, cpu, serving } from '@ai-factory/shared';

// References to the builder are renamed; keys and members that only share its name are not.
const define = defineMlProject;
const builders = { defineProject: defineMlProject, environment };
const notes = { defineProject: "the 1.x name" };

export default define({
  name: "references",
  description: notes.defineProject,
  team: "platform",
  cloud: "azure",
  cicd: "github-actions",
  framework: "sklearn",
  environments: [builders.environment("dev")],
  training: cpu(),
  serving: serving({ mode: "online" }),
});
