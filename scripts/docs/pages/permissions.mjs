/**
 * Who may do what where: the default access matrix, the capabilities each level grants (with the
 * production rules applied) and what each capability is on each cloud.
 */
import { code, lines, page, table, text } from '../markdown.mjs';
import { loadRbac, loadShared } from '../sources.mjs';

/** The environments `create-ml-project` proposes, so the matrix shows the default a project gets. */
const EXAMPLE_ENVIRONMENTS = ['dev', 'staging', 'prod'];
const LEVELS = ['read', 'write', 'admin'];
const SUMMARY = 'The persona × environment permission matrix and what each level grants on each cloud.';

const capabilityList = (capabilities) => (capabilities.length === 0 ? '—' : capabilities.map((c) => code(c)).join(', '));

function cloudTables(rbac) {
  const { CAPABILITIES } = rbac;
  const azure = table(['capability', 'actions', 'data actions'], CAPABILITIES.map((capability) => [
    code(capability),
    lines(rbac.AZURE_ACTIONS[capability].actions.map((a) => code(a))),
    lines(rbac.AZURE_ACTIONS[capability].dataActions.map((a) => code(a))),
  ]));
  const aws = table(['capability', 'IAM actions', 'on resources'], CAPABILITIES.map((capability) => [
    code(capability),
    lines(rbac.AWS_STATEMENTS[capability].flatMap((statement) => statement.actions.map((a) => code(a)))),
    lines([...new Set(rbac.AWS_STATEMENTS[capability].flatMap((statement) => statement.resources))].map((r) => code(r === 'any' ? '*' : r))),
  ]));
  const gcp = table(['capability', 'IAM permissions'], CAPABILITIES.map((capability) => [
    code(capability),
    lines(rbac.GCP_PERMISSIONS[capability].map((p) => code(p))),
  ]));
  const kubernetes = table(['capability', 'Role rules (API group / resources: verbs)'], CAPABILITIES.map((capability) => [
    code(capability),
    lines(rbac.KUBERNETES_RULES[capability].map((rule) => code(`${rule.apiGroups.map((g) => g || 'core').join(',')} / ${rule.resources.join(',')}: ${rule.verbs.join(',')}`))),
  ]));
  return [
    '### Azure',
    'Custom role definitions (`rbac/azure/<principal>-<env>.json`), scoped to the project resource group.',
    azure,
    '### AWS',
    'IAM policies (`rbac/aws/<principal>-<env>.json`) whose SageMaker resources are named `<project>-<env>` or `<project>-<env>-*`; `bucket`, `objects` and `passrole` are the environment\'s artifacts bucket, its objects and its SageMaker execution role.',
    aws,
    '### GCP',
    'Custom roles (`rbac/gcp/<principal>-<env>.yaml`), bound in the environment\'s GCP project.',
    gcp,
    '### Kubernetes',
    'A Role and RoleBinding per grant (`rbac/kubernetes/<principal>-<env>.yaml`) in the namespace `<project>-<env>`; people bind as the group `<project>:<persona>`. A capability with no rule has nothing to grant inside a namespace: node pools are cluster-level and the model registry lives in object storage.',
    kubernetes,
  ].join('\n\n');
}

export function renderPermissionsPage(shared, rbac) {
  const { PERSONAS } = shared;
  const production = EXAMPLE_ENVIRONMENTS.at(-1);
  const access = shared.defaultAccess(PERSONAS, EXAMPLE_ENVIRONMENTS);
  const matrix = table(['persona', ...EXAMPLE_ENVIRONMENTS.map((env) => code(env))], PERSONAS.map((persona) => [
    code(persona),
    ...EXAMPLE_ENVIRONMENTS.map((env) => code(access[persona][env])),
  ]));
  const grants = table(['persona', 'level', 'capabilities', `in production (${code(production)})`], PERSONAS.flatMap((persona) =>
    LEVELS.map((level) => [
      code(persona),
      code(level),
      capabilityList(rbac.personaCapabilities(persona, level, false)),
      capabilityList(rbac.personaCapabilities(persona, level, true)),
    ]),
  ));
  return page({
    title: 'Permissions',
    description: SUMMARY,
    wide: true,
    body: [
      `Access is declared in \`ai-factory.config.ts\` as persona → environment → level (${['none', ...LEVELS].map((l) => code(l, { inTable: false })).join(', ')}). \`npm run synth\` turns every grant into a role file for the project's cloud under \`rbac/\`, and one more per environment for the ${code(rbac.PIPELINE, { inTable: false })} identity that CI/CD runs as.`,
      '## Default access',
      `A new project is generated with \`defaultAccess\`, written out in full in its config so the team sees and can tighten it. With the environments ${EXAMPLE_ENVIRONMENTS.map((e) => code(e, { inTable: false })).join(', ')} (production is always the last one):`,
      matrix,
      '## What each level grants',
      'Levels are turned into cloud-neutral capabilities. In production two rules apply whatever the declared level: no person deploys or manages compute there, and data scientists do not write production data.',
      grants,
      `The ${code(rbac.PIPELINE, { inTable: false })} identity has ${capabilityList(rbac.PIPELINE_CAPABILITIES)} in every environment. It is the only principal that deploys to production; it does not manage compute, which Terraform owns.`,
      '## Capabilities on each cloud',
      cloudTables(rbac),
      '## Wildcards',
      'A wildcard action grants whatever a provider adds later, so synth refuses one unless it is on this list with its reason:',
      table(['cloud', 'action', 'reason'], shared.WILDCARD_ALLOW_LIST.map((entry) => [code(entry.cloud), code(entry.action), text(entry.reason)])),
    ].join('\n\n'),
  });
}

export default {
  id: 'permissions',
  title: 'Platform',
  order: 30,
  async pages() {
    const [shared, rbac] = await Promise.all([loadShared(), loadRbac()]);
    return [{ path: 'permissions', title: 'Permissions', summary: SUMMARY, markdown: renderPermissionsPage(shared, rbac) }];
  },
};
