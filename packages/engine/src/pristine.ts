/**
 * The pristine render of each factory version a project went through, kept in the project's own history
 * under `refs/ai-factory/pristine/<version>`: the base of every three-way merge, so an upgrade never has
 * to replay an old factory release.
 */
/** Every ref the factory keeps in a project: a clone must fetch these besides the branches. */
export const FACTORY_REF_PREFIX = 'refs/ai-factory/';

export const PRISTINE_REF_PREFIX = `${FACTORY_REF_PREFIX}pristine/`;

export const pristineRef = (factoryVersion: string) => `${PRISTINE_REF_PREFIX}${factoryVersion}`;

/** The branch an upgrade to `factoryVersion` is prepared on. */
export const upgradeBranch = (factoryVersion: string) => `ai-factory/upgrade-${factoryVersion}`;
