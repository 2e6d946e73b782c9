/** A hand edit to a managed file stops the upgrade, unless the team says to discard it; then the report lists it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, repoState, teamEdit } from '@ai-factory/testing';
import { describe, expect, it } from 'vitest';
import { repoFrom, upgradeContext } from './test-repos.js';
import { upgradeRepository } from './upgrade.js';

const context = await upgradeContext();
const ALERTS = 'monitoring/alerts/azure-tabular.rules.yml';
const HAND_RULE = '      # Paged by hand until the SLO is agreed.\n';

describe('hand edits to managed files', () => {
  it('stop the upgrade with the list of edited files, and nothing changes', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await teamEdit(dir, 'Quick fix in the alerts', { [ALERTS]: (text) => text + HAND_RULE, 'rbac/azure/pipeline-prod.json': (text) => text.replace('"', '"x') });
    const before = await repoState(dir);
    const { report } = await upgradeRepository(dir, context);
    expect(report).toMatchObject({ status: 'failed', filesChanged: [], error: { code: 'managed-edits' } });
    expect(report.error!.message).toContain(ALERTS);
    expect(report.error!.message).toContain('rbac/azure/pipeline-prod.json');
    expect(report.error!.message).toContain('--discard-managed-edits');
    expect(await repoState(dir)).toEqual(before);
  });

  it('with discardManagedEdits, are regenerated and listed in the report', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    await teamEdit(dir, 'Quick fix in the alerts', { [ALERTS]: (text) => text + HAND_RULE });
    const { report } = await upgradeRepository(dir, context, { discardManagedEdits: true });
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'upgraded', discardedManagedEdits: [ALERTS] });
    expect(await git(dir, 'show', `${report.branch}:${ALERTS}`)).not.toContain(HAND_RULE.trim());
    expect(readFileSync(join(dir, ALERTS), 'utf8')).toContain(HAND_RULE);
  });

  it('a managed file the team left as synth wrote it is no edit', async () => {
    const dir = await repoFrom('factory-0.1.0/azure-tabular');
    const { report } = await upgradeRepository(dir, context);
    expect(report, JSON.stringify(report.error)).toMatchObject({ status: 'upgraded', discardedManagedEdits: [] });
  });
});
