import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { synthesizeCicd } from '../cicd/index.js';
import { projectFor } from './cicd-projects.js';
import { withNotice } from '../synth/artifact.js';
import { validateCicd } from './validate-cicd.js';

const filesOf = (cicd: 'github-actions' | 'azure-pipelines' | 'gitlab-ci') =>
  new Map(synthesizeCicd(projectFor({ cloud: 'aws', cicd, mode: 'online', training: 'cpu' })).map(withNotice).map((a) => [a.path, a.content]));

/** The generated files with one file changed by `edit`, which must change it. */
function tampered(cicd: Parameters<typeof filesOf>[0], path: string, edit: (text: string) => string): Map<string, string> {
  const files = filesOf(cicd);
  const before = files.get(path)!;
  const after = edit(before);
  expect(after).not.toBe(before);
  return files.set(path, after);
}

/** Edits a file as data, so that the change cannot break the YAML itself. */
const asData = (edit: (data: any) => void) => (text: string) => {
  const data = parse(text);
  edit(data);
  return stringify(data);
};

describe('validateCicd', () => {
  it('accepts the generated files and ignores other files', async () => {
    expect(await validateCicd(filesOf('github-actions').set('README.md', '# hi'))).toEqual([]);
  });

  it('catches an action pinned to a tag', async () => {
    const files = tampered('github-actions', '.github/workflows/ci.yml', (t) => t.replace(/actions\/checkout@[0-9a-f]{40} # v4\.2\.2/g, 'actions/checkout@v4'));
    expect((await validateCicd(files)).join('\n')).toMatch(/ci\.yml:\d+: action actions\/checkout@v4 is not pinned to a full commit SHA/);
  });

  it('catches a pinned action without its version comment', async () => {
    const files = tampered('github-actions', '.github/workflows/ci.yml', (t) => t.replace(/ # v4\.2\.2/g, ''));
    expect((await validateCicd(files)).join('\n')).toMatch(/lacks its "# vX\.Y\.Z" version comment/);
  });

  it('catches write-all and a missing top-level permissions block', async () => {
    const writeAll = tampered('github-actions', '.github/workflows/ci.yml', (t) => t.replace('permissions:\n  contents: read', 'permissions: write-all'));
    expect((await validateCicd(writeAll)).join('\n')).toContain('top-level permissions "write-all"');
    const missing = tampered('github-actions', '.github/workflows/ci.yml', (t) => t.replace('permissions:\n  contents: read\n', ''));
    expect((await validateCicd(missing)).join('\n')).toContain('no top-level permissions');
  });

  it('catches a write permission the job does not need', async () => {
    const files = tampered('github-actions', '.github/workflows/drift-check.yml', (t) => t.replace('permissions:\n      actions: write', 'permissions:\n      actions: write\n      contents: write'));
    expect((await validateCicd(files)).join('\n')).toContain('job retrain has contents: write without needing it');
  });

  it('catches a long-lived secret key in GitHub, Azure Pipelines and GitLab files', async () => {
    const github = tampered('github-actions', '.github/workflows/train.yml', (t) =>
      t.replace('      RUN_ID:', '      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n      RUN_ID:'),
    );
    const problems = (await validateCicd(github)).join('\n');
    expect(problems).toContain('long-lived secret secrets.AWS_SECRET_ACCESS_KEY');
    const azure = tampered('azure-pipelines', '.azure-pipelines/train.yml', asData((d) => {
      d.stages[0].jobs[0].steps.at(-1).inputs.inlineScript += '\nexport AWS_ACCESS_KEY_ID="$(AWS_ACCESS_KEY_ID)"';
    }));
    expect((await validateCicd(azure)).join('\n')).toContain('AWS_ACCESS_KEY_ID, a long-lived credential');
    const gitlab = tampered('gitlab-ci', '.gitlab/ci/train.yml', asData((d) => {
      d.train.script.unshift('az login --service-principal -p "$AZURE_CLIENT_SECRET"');
    }));
    expect((await validateCicd(gitlab)).join('\n')).toContain('AZURE_CLIENT_SECRET, a long-lived credential');
  });

  it('catches a stored-credential login input', async () => {
    const files = tampered('github-actions', '.github/workflows/train.yml', (t) => t.replace(/role-to-assume: .*/, 'aws-access-key-id: AKIAEXAMPLE'));
    expect((await validateCicd(files)).join('\n')).toContain('passes a stored credential (aws-access-key-id)');
  });

  it('catches cloud access without federation on Azure Pipelines and GitLab', async () => {
    const azure = tampered('azure-pipelines', '.azure-pipelines/ci.yml', asData((d) => {
      d.jobs[0].steps.push({ bash: 'aws s3 ls', displayName: 'List buckets' });
    }));
    expect((await validateCicd(azure)).join('\n')).toContain('reaches the cloud outside AzureCLI@2');
    const gitlab = tampered('gitlab-ci', '.gitlab/ci/train.yml', asData((d) => {
      delete d.train.id_tokens;
    }));
    expect((await validateCicd(gitlab)).join('\n')).toContain('job train reaches the cloud without an OIDC token (id_tokens)');
  });

  it('reports schema errors of each system', async () => {
    const github = tampered('github-actions', '.github/workflows/ci.yml', (t) => t.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    timeout: 5'));
    expect((await validateCicd(github)).join('\n')).toMatch(/github-workflow schema|actionlint|action-validator/);
    const azure = tampered('azure-pipelines', '.azure-pipelines/ci.yml', (t) => t.replace('pool:', 'poool:'));
    expect((await validateCicd(azure)).join('\n')).toContain('azure-pipelines schema');
    const gitlab = tampered('gitlab-ci', '.gitlab/ci/ci.yml', asData((d) => {
      d.python.when = 'sometimes';
    }));
    expect((await validateCicd(gitlab)).join('\n')).toContain('gitlab-ci schema');
  });

  it('reports unparsable YAML', async () => {
    const files = filesOf('gitlab-ci').set('.gitlab-ci.yml', 'stages: [test\n');
    expect((await validateCicd(files)).join('\n')).toContain('.gitlab-ci.yml: YAML:');
  });
});
