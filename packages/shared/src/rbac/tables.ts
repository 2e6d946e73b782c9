/**
 * The tables every role file is made from, for audits and the playbook's permissions page: the capabilities
 * each persona has per access level, and what each capability grants on each cloud. Published as
 * `@ai-factory/shared/rbac`, so a security review reads the same data `npm run synth` turns into roles.
 */
export { CAPABILITIES, PERSONA_CAPABILITIES, PIPELINE, PIPELINE_CAPABILITIES, personaCapabilities } from './capabilities.js';
export type { Capability, Principal } from './capabilities.js';
export { AWS_STATEMENTS } from '../clouds/aws/rbac.js';
export { AZURE_ACTIONS } from '../clouds/azure/rbac.js';
export { GCP_PERMISSIONS } from '../clouds/gcp/rbac.js';
export { KUBERNETES_RULES } from '../clouds/kubernetes/rbac.js';
export { WILDCARD_ALLOW_LIST } from '../clouds/by-cloud.js';
