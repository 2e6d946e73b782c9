/**
 * Prepares a change to a generated project on its own branch, the way an upgrade does: everything is
 * computed in memory first, objects are written unreferenced, every ref moves in one transaction, and the
 * working tree is only touched when a conflict needs the team (the upgrade's own `leaveConflicts`).
 */
import { resolve } from 'node:path';
import { FactoryError, type Manifest } from '@ai-factory/engine';
import type { GitCommit, Tree } from '@ai-factory/tree';
import type { RefUpdate } from '../git/refs.js';
import { Repository } from '../git/repository.js';
import { sameFiles, upgradeCommit, upgradedTree, type CommitTarget } from '../upgrade/commits.js';
import { diffOf } from '../upgrade/diff.js';
import { conflictsWaiting, openProject } from '../upgrade/preflight.js';
import { UpgradeError } from '../upgrade/report.js';
import { ioError, leaveConflicts } from '../upgrade/upgrade.js';
import { failedChange, type ChangeCommand, type ChangeReport } from './report.js';

/** The repository at HEAD, as a plan reads it. */
export interface Project {
  git: Repository;
  head: string;
  ours: Tree;
  manifest: Manifest;
}

/** One change: the command, its branch and commit message, and how it is computed from HEAD. */
export interface ChangeSpec {
  command: ChangeCommand;
  /** e.g. `ai-factory/add-monitoring-organisation-dashboard` */
  branch: string;
  message: string;
  /** Asynchronous when it renders templates; eject only edits the manifest it was given. */
  plan: (project: Project) => ChangePlan | Promise<ChangePlan>;
}

/** What a command makes of the project: nothing to do, or a target to commit on its branch. */
export interface ChangePlan {
  /** Reported as the modules added or removed, or the files ejected. */
  summary: Pick<ChangeReport, 'modules' | 'kept' | 'ejected'>;
  /** Undefined when the project already is as asked. */
  target?: CommitTarget & { conflicts: string[] };
  /** The new pristine render, committed first, and how its ref moves to it. */
  pristine?: { commit: GitCommit; ref: (oid: string) => RefUpdate };
}

export interface PrepareOptions {
  /** Compute and print the diff; write nothing, not even git objects. @default false */
  dryRun?: boolean;
  /** Who commits, as `Name <email>`. @default the repository's own identity, else the factory's fallback */
  committer?: string;
}

function failure(error: unknown): NonNullable<ChangeReport['error']> {
  if (error instanceof FactoryError) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  if (error instanceof UpgradeError) return { code: error.code, message: error.message, ...(error.where ? { file: error.where.file } : {}) };
  return { code: 'internal', message: (error as Error).message };
}

export async function prepareChange(repo: string, { command, branch, message, plan }: ChangeSpec, options: PrepareOptions = {}): Promise<{ report: ChangeReport; diff?: string }> {
  const started = performance.now();
  const report = failedChange(resolve(repo), command);
  const done = (extra: Partial<ChangeReport>, diff?: string) => ({ report: { ...report, ...extra, durationMs: Math.round(performance.now() - started) }, ...(diff !== undefined ? { diff } : {}) });
  const git = new Repository(report.repo);
  try {
    const project = { git, ...(await openProject(git)) };
    const waiting = await conflictsWaiting(git, branch, `ai-factory ${command}`);
    const { summary, target, pristine } = await plan(project);
    if (!target) return done({ status: 'up-to-date', ...summary });
    const planned = { branch, ...summary, filesChanged: [...target.changes.keys()].sort(), conflicts: target.conflicts };
    if (waiting) return done({ status: 'conflicts', ...planned });
    const { head, ours } = project;
    const [existing] = await git.resolve([`refs/heads/${branch}`]);
    const commit = { ...upgradeCommit(ours, head, target, ''), message };
    if (existing) {
      if (sameFiles(await git.snapshot(existing), upgradedTree(ours, target))) return done({ status: 'up-to-date', ...planned, commit: existing });
      throw new UpgradeError('branch-exists', `Branch ${branch} exists with other changes: merge or delete it, then run ai-factory ${command} again.`);
    }
    const status = target.conflicts.length > 0 ? 'conflicts' : 'changed';
    if (options.dryRun) return done({ status, dryRun: true, ...planned }, await diffOf(ours, target.changes));

    const oids = await git.writeCommits([...(pristine ? [pristine.commit] : []), commit], options.committer).catch(ioError('write to the repository'));
    const change = oids.at(-1)!;
    // With conflicts, the branch starts at HEAD and the change's tree is what the working tree gets.
    const refs: RefUpdate[] = [{ create: `refs/heads/${branch}`, oid: status === 'changed' ? change : head }, { verify: 'HEAD', oid: head }, ...(pristine ? [pristine.ref(oids[0]!)] : [])];
    await git.updateRefs(refs).catch(ioError('move the refs'));
    if (status === 'conflicts') {
      const added = [...target.changes].flatMap(([path, content]) => (content !== null && !ours.exists(path) ? [path] : []));
      await leaveConflicts(git, { branch, head, upgrade: change, refs, added }).catch(async (error: unknown) => {
        // leaveConflicts deletes the refs it was given to create; a pristine ref that moved goes back here.
        const moved = refs.flatMap((ref) => ('update' in ref ? [{ update: ref.update, oid: ref.old, old: ref.oid }] : []));
        await git.updateRefs(moved).catch(() => undefined);
        throw error;
      });
    }
    return done({ status, ...planned, ...(status === 'changed' ? { commit: change } : {}) });
  } catch (error) {
    return done(failedChange(report.repo, command, failure(error)));
  } finally {
    await git.close();
  }
}
