/**
 * Every GitHub Action the workflows use, pinned to a full commit SHA (a tag can be moved; a commit cannot).
 * Each SHA was checked against public workflows that pin the same release.
 *
 * | action                                  | version | commit                                   |
 * |-----------------------------------------|---------|------------------------------------------|
 * | actions/checkout                        | v4.2.2  | 11bd71901bbe5b1630ceea73d27597364c9af683 |
 * | actions/setup-python                    | v5.6.0  | a26af69be951a213d495a4c3e4e4022e16d87065 |
 * | actions/setup-node                      | v4.4.0  | 49933ea5288caeca8642d1e84afbd3f7d6820020 |
 * | hashicorp/setup-terraform               | v3.1.2  | b9cd54a3c349d3f38e8881555d616ced269862dd |
 * | azure/login                             | v2.3.0  | a457da9ea143d694b1b9c7c869ebb04ebe844ef5 |
 * | aws-actions/configure-aws-credentials   | v4.0.2  | e3dd6a429d7300a6a4c196c26e071d42e0343502 |
 * | google-github-actions/auth              | v2.1.8  | 71f986410dfbc7added4569d411d040a91dc6935 |
 * | google-github-actions/setup-gcloud      | v2.1.4  | 77e7a554d41e2ee56fc945c52dfd3f33d12def9a |
 * | actions/upload-artifact                 | v4.6.2  | ea165f8d65b6e75b540449e92b4886f43607fa02 |
 * | actions/download-artifact               | v4.3.0  | d3f86a106a0bac45b974a628896c90dbdf5c8093 |
 */

export interface ActionPin {
  sha: string;
  version: string;
}

export const ACTION_PINS = {
  'actions/checkout': { sha: '11bd71901bbe5b1630ceea73d27597364c9af683', version: 'v4.2.2' },
  'actions/setup-python': { sha: 'a26af69be951a213d495a4c3e4e4022e16d87065', version: 'v5.6.0' },
  'actions/setup-node': { sha: '49933ea5288caeca8642d1e84afbd3f7d6820020', version: 'v4.4.0' },
  'hashicorp/setup-terraform': { sha: 'b9cd54a3c349d3f38e8881555d616ced269862dd', version: 'v3.1.2' },
  'azure/login': { sha: 'a457da9ea143d694b1b9c7c869ebb04ebe844ef5', version: 'v2.3.0' },
  'aws-actions/configure-aws-credentials': { sha: 'e3dd6a429d7300a6a4c196c26e071d42e0343502', version: 'v4.0.2' },
  'google-github-actions/auth': { sha: '71f986410dfbc7added4569d411d040a91dc6935', version: 'v2.1.8' },
  'google-github-actions/setup-gcloud': { sha: '77e7a554d41e2ee56fc945c52dfd3f33d12def9a', version: 'v2.1.4' },
  'actions/upload-artifact': { sha: 'ea165f8d65b6e75b540449e92b4886f43607fa02', version: 'v4.6.2' },
  'actions/download-artifact': { sha: 'd3f86a106a0bac45b974a628896c90dbdf5c8093', version: 'v4.3.0' },
} as const satisfies Record<string, ActionPin>;

export type PinnedAction = keyof typeof ACTION_PINS;

/** The `uses:` value of a pinned action; the emitter adds the `# vX.Y.Z` comment from {@link ACTION_PINS}. */
export function uses(action: PinnedAction): string {
  return `${action}@${ACTION_PINS[action].sha}`;
}

/** The version tag of a `uses:` value produced by {@link uses}, or undefined for any other value. */
export function pinnedVersion(value: string): string | undefined {
  const [action, sha] = value.split('@');
  const pin = (ACTION_PINS as Record<string, ActionPin>)[action ?? ''];
  return pin && pin.sha === sha ? pin.version : undefined;
}

/** Terraform CLI version the pipelines install (the same on every CI system). */
export const TERRAFORM_VERSION = '1.9.8';
