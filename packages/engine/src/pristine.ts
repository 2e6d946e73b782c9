/**
 * The pristine render of each factory version a project went through, kept in the project's own history
 * under `refs/ai-factory/pristine/<version>`: the base of every three-way merge, so an upgrade never has
 * to replay an old factory release.
 */
export const PRISTINE_REF_PREFIX = 'refs/ai-factory/pristine/';

export const pristineRef = (factoryVersion: string) => `${PRISTINE_REF_PREFIX}${factoryVersion}`;

/** The branch an upgrade to `factoryVersion` is prepared on. */
export const upgradeBranch = (factoryVersion: string) => `ai-factory/upgrade-${factoryVersion}`;
