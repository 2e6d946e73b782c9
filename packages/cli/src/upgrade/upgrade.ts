/**
 * `ai-factory upgrade`: prepares an upgrade of one repository on branch `ai-factory/upgrade-<version>`.
 * Everything is computed in memory and checked (codemods, type-check, config, managed files, paths)
 * before anything is written; objects are written unreferenced, and every ref moves in one transaction
 * at the end, so a failure at any point leaves the repository as it was. The working tree is only
 * touched when a conflict needs the team.
 */
import { resolve } from 'node:path';
import { pristineRef, upgradeBranch } from '@ai-factory/engine';
import semver from 'semver';
import type { GitCommit } from '@ai-factory/tree';
import type { RefUpdate } from '../git/refs.js';
import { Repository } from '../git/repository.js';
import { pristineCommit, sameFiles, upgradeCommit, upgradedTree } from './commits.js';
import { writeConflicts } from './conflicts.js';
import type { UpgradeContext } from './context.js';
import { rebuildPristine } from './release-base.js';
import { diffOf } from './diff.js';
import { checkTarget } from './manifest.js';
import { conflictsWaiting, openProject } from './preflight.js';
import { pristineBase } from './pristine-base.js';
import { computeUpgrade, type UpgradeTarget } from './render.js';
import { failedUpgrade, UpgradeError, type UpgradeReport } from './report.js';

export type { UpgradeContext } from './context.js';

export interface UpgradeOptions {
  /** The factory version to upgrade to; must be the one this CLI ships. @default the catalog's version */
  to?: string;
  /** Compute and print the diff; write nothing, not even git objects. @default false */
  dryRun?: boolean;
  /** With `dryRun`, also compute the diff (a fleet forecast needs only the report). @default true */
  diff?: boolean;
  /**
   * Regenerate managed files the team edited by hand (the report lists them) instead of stopping.
   * @default false
   */
  discardManagedEdits?: boolean;
  /**
   * Who commits, as `Name <email>`: a fleet run commits every repository as one identity.
   * @default the repository's own identity (GIT_COMMITTER_NAME/EMAIL, then its git config), else the factory's fallback
   * @example { committer: 'AI Factory Bot <bot@example.com>' }
   */
  committer?: string;
}

/** What a report says an upgrade does. */
function outcome(branch: string, target: UpgradeTarget): Partial<UpgradeReport> {
  const paths = (wanted: string) => target.planned.filter((file) => file.outcome === wanted).map((file) => file.path);
  return {
    branch,
    filesChanged: [...target.changes.keys()].sort(),
    codemodsApplied: target.codemodsApplied,
    codemodFiles: target.codemodFiles,
    conflicts: target.conflicts,
    keptDeleted: paths('deleted-by-team'),
    keptLinks: paths('kept-link'),
    discardedManagedEdits: target.discardedManagedEdits,
  };
}

export const ioError = (what: string) => (error: Error) => {
  throw new UpgradeError('io', `Cannot ${what}: ${error.message}`);
};

export async function upgradeRepository(repo: string, context: UpgradeContext, options: UpgradeOptions = {}): Promise<{ report: UpgradeReport; diff?: string }> {
  const started = performance.now();
  const dir = resolve(repo);
  const report: UpgradeReport = failedUpgrade(dir);
  const done = (extra: Partial<UpgradeReport>, diff?: string) => ({
    report: { ...report, ...extra, durationMs: Math.round(performance.now() - started) },
    ...(diff !== undefined ? { diff } : {}),
  });
  const git = new Repository(dir);
  try {
    const { head, ours, manifest } = await openProject(git);
    const to = context.catalog.version;
    Object.assign(report, { from: manifest.factory.version, to });
    if (options.to !== undefined) {
      checkTarget(options.to);
      if (options.to !== to) throw new UpgradeError('unknown-version', `This ai-factory ships factory ${to}, not ${options.to}; install the release that ships ${options.to}.`);
    }
    if (semver.gt(manifest.factory.version, to)) throw new UpgradeError('unknown-version', `The project is at ${manifest.factory.version}, newer than this factory (${to}).`);
    if (manifest.factory.version === to) return done({ status: 'up-to-date' });
    const branch = upgradeBranch(to);
    const waiting = await conflictsWaiting(git, branch, 'the upgrade');

    const [pristineFrom, pristineTo, existing] = await git.resolve([pristineRef(manifest.factory.version), pristineRef(to), `refs/heads/${branch}`]);
    const previous = pristineFrom ? await pristineBase(git, pristineFrom, manifest) : undefined;
    const target = await computeUpgrade({
      ...context,
      manifest,
      ours,
      // Without the pristine ref (a clone that did not fetch it, a project generated without git), the
      // base is rebuilt from the recorded release, or the upgrade stops: never a merge against nothing.
      base: previous?.snapshot ?? (await rebuildPristine(manifest, context.releaseCache)),
      discardManagedEdits: options.discardManagedEdits === true,
    });
    const planned = outcome(branch, target);
    if (waiting) return done({ status: 'conflicts', ...planned });
    if (existing) {
      // A second run: the branch already holds exactly this upgrade, or it holds something else.
      if (sameFiles(await git.snapshot(existing), upgradedTree(ours, target))) return done({ status: 'up-to-date', branch, commit: existing });
      throw new UpgradeError('branch-exists', `Branch ${branch} exists with other changes: merge or delete it, then run the upgrade again.`);
    }
    const status = target.conflicts.length > 0 ? 'conflicts' : 'upgraded';
    if (options.dryRun) return done({ status, dryRun: true, ...planned }, options.diff === false ? undefined : await diffOf(ours, target.changes));

    // With conflicts, the upgrade commit is not referenced: its tree is what the working tree gets.
    const commits: GitCommit[] = [...(pristineTo ? [] : [pristineCommit(to, previous, target)]), upgradeCommit(ours, head, target, to)];
    const oids = await git.writeCommits(commits, options.committer).catch(ioError('write to the repository'));
    const upgrade = oids.at(-1)!;
    const refs: RefUpdate[] = [{ create: `refs/heads/${branch}`, oid: status === 'upgraded' ? upgrade : head }, { verify: 'HEAD', oid: head }];
    if (!pristineTo) refs.push({ create: pristineRef(to), oid: oids[0]! });
    await git.updateRefs(refs).catch(ioError('move the refs'));
    if (status === 'conflicts') await leaveConflicts(git, { branch, head, upgrade, refs, added: [...target.changes].flatMap(([path, content]) => (content !== null && !ours.exists(path) ? [path] : [])) });
    return done({ status, ...planned, ...(status === 'upgraded' ? { commit: upgrade } : {}) });
  } catch (error) {
    const code = error instanceof UpgradeError ? error.code : 'internal';
    const where = error instanceof UpgradeError ? error.where : undefined;
    return done(failedUpgrade(dir, { code, message: (error as Error).message, ...where }));
  } finally {
    await git.close();
  }
}

/**
 * Checks out the upgrade branch (still at the team's HEAD) and writes the merge result with its markers
 * into the working tree. If that fails, HEAD, the working tree and the refs just made are put back.
 */
export async function leaveConflicts(git: Repository, run: { branch: string; head: string; upgrade: string; refs: RefUpdate[]; added: string[] }): Promise<void> {
  const original = await git.currentBranch();
  const back = async () => {
    await (original ? git.run(['symbolic-ref', 'HEAD', original]) : git.run(['update-ref', '--no-deref', 'HEAD', run.head]));
    await git.updateRefs(run.refs.flatMap((ref) => ('create' in ref ? [{ delete: ref.create, oid: ref.oid }] : [])));
  };
  try {
    await git.run(['symbolic-ref', 'HEAD', `refs/heads/${run.branch}`]);
    await writeConflicts(git, `${run.upgrade}^{tree}`, run.added);
  } catch (error) {
    await back();
    throw error instanceof UpgradeError ? error : new UpgradeError('io', `Cannot check out ${run.branch}: ${(error as Error).message}`);
  }
}
