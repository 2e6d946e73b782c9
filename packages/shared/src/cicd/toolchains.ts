/**
 * Installing tools on runners that lack them (GitLab job images, Azure Pipelines for Terraform). GitHub
 * uses pinned setup actions instead, and its and Azure's hosted runners have Docker and envsubst. Packages
 * come from the vendors' signed apt repositories; each cloud's CLI is its adapter's (`ci.installCli`).
 */
import { TERRAFORM_VERSION } from './pins.js';

/** Runs apt as root whether or not the runner already is root (containers are, hosted VMs are not). */
const SUDO = 'sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)';

/** Terraform {@link TERRAFORM_VERSION} from HashiCorp's signed apt repository. */
export function installTerraform(): string[] {
  return [
    SUDO,
    'curl -fsSL https://apt.releases.hashicorp.com/gpg | $sudo gpg --batch --yes --dearmor -o /usr/share/keyrings/hashicorp-archive-keyring.gpg',
    'echo "deb [signed-by=/usr/share/keyrings/hashicorp-archive-keyring.gpg] https://apt.releases.hashicorp.com $(. /etc/os-release && echo "$VERSION_CODENAME") main" | $sudo tee /etc/apt/sources.list.d/hashicorp.list >/dev/null',
    `$sudo apt-get update -qq && $sudo apt-get install -y -qq terraform=${TERRAFORM_VERSION}-1`,
  ];
}

/** jq, for the drift check and the Kubernetes gate. */
export function installJq(): string[] {
  return [SUDO, '$sudo apt-get update -qq && $sudo apt-get install -y -qq jq'];
}

/** envsubst (Debian's gettext-base), which fills the workload specs' placeholders. */
export function installEnvsubst(): string[] {
  return [SUDO, '$sudo apt-get update -qq && $sudo apt-get install -y -qq gettext-base'];
}

/** The Docker CLI from Docker's signed apt repository, for a job whose daemon runs beside it (GitLab's docker:dind service). */
export function installDockerCli(): string[] {
  return [
    SUDO,
    'curl -fsSL https://download.docker.com/linux/debian/gpg | $sudo gpg --batch --yes --dearmor -o /usr/share/keyrings/docker-archive-keyring.gpg',
    'echo "deb [signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/debian $(. /etc/os-release && echo "$VERSION_CODENAME") stable" | $sudo tee /etc/apt/sources.list.d/docker.list >/dev/null',
    '$sudo apt-get update -qq && $sudo apt-get install -y -qq docker-ce-cli',
  ];
}
