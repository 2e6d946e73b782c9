/**
 * The delivery seams of a generated project, read from its files as a platform engineer would: every
 * image its workload specs or its pipelines pull is one its pipelines build and push, from a Dockerfile
 * the project has; every placeholder of a spec is filled by a pipeline step before the spec is used; and
 * every Azure ML compute a spec names is a cluster its Terraform creates.
 */

const PIPELINE_FILE = /^(\.github\/workflows\/[^/]+|\.azure-pipelines\/[^/]+|\.gitlab-ci|\.gitlab\/ci\/[^/]+)\.ya?ml$/;
const SPEC_FILE = /^deploy\/.+\.(ya?ml|json)$/;

/** Image repositories a text pulls as `<registry>/<repo>:<tag>`, in the specs' (`${X}`) or the shell's (`$X`) spelling. */
function pulledRepositories(text: string, spelling: 'spec' | 'shell'): string[] {
  const pattern = spelling === 'spec' ? /\$\{IMAGE_REGISTRY\}\/([a-z0-9-]+):\$\{IMAGE_TAG\}/g : /\$IMAGE_REGISTRY\/([a-z0-9-]+):\$IMAGE_TAG/g;
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}

/** Names of the Azure ML compute clusters the Terraform root module creates. */
function terraformClusters(files: ReadonlyMap<string, string>): Set<string> {
  const tf = [...files].filter(([path]) => /^infra\/.+\.tf$/.test(path)).map(([, text]) => text).join('\n');
  return new Set([...tf.matchAll(/resource "azurerm_machine_learning_compute_cluster" "\w+" \{\s*name\s*=\s*"([^"]+)"/g)].map((match) => match[1]!));
}

/** Problems of the delivery seams among `files` (path → content); empty when every seam holds. */
export function deliverySeamProblems(files: ReadonlyMap<string, string>): string[] {
  const pipelines = [...files].filter(([path]) => PIPELINE_FILE.test(path)).map(([, text]) => text).join('\n');
  const specs = [...files].filter(([path]) => SPEC_FILE.test(path));
  const problems: string[] = [];
  const pushed = new Set([...pipelines.matchAll(/ref="\$IMAGE_REGISTRY\/([a-z0-9-]+):\$IMAGE_TAG"/g)].map((match) => match[1]!));
  for (const dockerfile of new Set([...pipelines.matchAll(/docker build --file (\S+)/g)].map((match) => match[1]!))) {
    if (!files.has(dockerfile)) problems.push(`the pipelines build ${dockerfile}, which the project does not have`);
  }
  for (const repository of new Set(pulledRepositories(pipelines, 'shell'))) {
    if (!pushed.has(repository)) problems.push(`the pipelines name the image ${repository}, which they never build and push`);
  }
  const clusters = terraformClusters(files);
  for (const [path, text] of specs) {
    for (const repository of new Set(pulledRepositories(text, 'spec'))) {
      if (!pushed.has(repository)) problems.push(`${path} pulls the image ${repository}, which the pipelines never build and push`);
    }
    const formats = [...pipelines.matchAll(/envsubst '([^']*)' < (\S+) >/g)].filter((match) => match[2] === path).map((match) => match[1]!);
    for (const name of new Set([...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)\}/g)].map((match) => match[1]!))) {
      if (!formats.some((format) => format.includes(`\${${name}}`))) problems.push(`${path} holds \${${name}}, which no pipeline step substitutes`);
    }
    for (const compute of text.matchAll(/^compute: azureml:(\S+)$/gm)) {
      if (!clusters.has(compute[1]!)) problems.push(`${path} runs on compute ${compute[1]}, which the Terraform does not create`);
    }
  }
  return problems;
}
