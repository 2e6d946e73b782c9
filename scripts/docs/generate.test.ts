/** The reference generator: its renderers on made-up input, and its pages against the real catalog. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, loadPageKinds } from './generate.mjs';
import { describeType, optionRows } from './options-table.mjs';
import { filesWithRules, projectPath, renderModulePage } from './pages/modules.mjs';
import { code, text } from './markdown.mjs';
import { renderDashboardPreview, xml } from './dashboard-preview.mjs';
import { codemodBody, markedDiff } from './pages/codemods.mjs';
import { panelsByRow } from './pages/dashboards.mjs';
import { parseChangelog, readChangelogs, renderWhatsNew, workspaceDirs } from './pages/whats-new.mjs';
import { editLinkPattern, repositoryWebUrl } from './repository.mjs';

const CREATE_BIN = fileURLToPath(new URL('../../packages/create-ml-project/dist/bin.js', import.meta.url));

let scratch: string;
beforeAll(() => void (scratch = mkdtempSync(join(tmpdir(), 'docs-generate-'))));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('options table', () => {
  const options = z.object({
    replicas: z.number().int().min(1).max(10).default(2).describe('Pods behind the endpoint'),
    mode: z.enum(['fast', 'safe']).default('safe'),
    tags: z.array(z.string()).default([]),
    endpoint: z.string(),
  });

  it('gives each option its type, bounds, default and description', () => {
    expect(optionRows(options)).toEqual([
      { name: 'replicas', type: 'integer ≥ 1 ≤ 10', default: '2', description: 'Pods behind the endpoint' },
      { name: 'mode', type: '"fast" | "safe"', default: '"safe"', description: '' },
      { name: 'tags', type: 'string[]', default: '[]', description: '' },
      { name: 'endpoint', type: 'string', default: undefined, description: '' },
    ]);
  });

  it('renders the table on a module page and marks options without a default as required', () => {
    const markdown = renderModulePage({
      module: { id: 'serving/example', version: '1.2.3', summary: 'An example', provides: [], requires: [], conflicts: [], files: [], options },
      sources: [],
      presets: [],
      example: undefined,
      computed: undefined,
    });
    expect(markdown).toContain('| `replicas` | `integer ≥ 1 ≤ 10` | `2` | Pods behind the endpoint |');
    expect(markdown).toContain('| `endpoint` | `string` | **required** | — |');
    expect(markdown).toContain('serving/example:');
    expect(markdown).toContain('No preset includes this module yet');
    expect(markdown).toContain('Add it to an existing project with `ai-factory add serving/example`');
  });

  it('describes unions, nullables and nested objects', () => {
    expect(describeType({ type: ['number', 'null'] })).toBe('number | null');
    expect(describeType({ anyOf: [{ type: 'string' }, { const: 3 }] })).toBe('string | 3');
    expect(describeType({ type: 'object', properties: { a: { type: 'boolean' } } })).toBe('{ a: boolean }');
  });
});

describe('files and markdown', () => {
  it('takes the owner from the first matching rule, as the engine does', () => {
    const module = { files: [{ include: 'deploy/**', owner: 'managed' }, { include: '**', owner: 'template' }] };
    const owners = filesWithRules(module, ['deploy/job.yaml', 'README.md.hbs', '.env']).map((f: { rule: { owner: string } }) => f.rule.owner);
    expect(owners).toEqual(['managed', 'template', 'template']);
    expect(projectPath('src/__packageName__/service.py.hbs')).toBe('src/<package>/service.py');
    expect(projectPath('_gitignore')).toBe('.gitignore');
  });

  it('keeps pipes, tags and mustaches from breaking a table or Vue', () => {
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('x`y')).toBe('``x`y``');
    expect(text('<b>{{ x }}</b> | y')).toBe('&lt;b&gt;&#123;&#123; x }}&lt;/b&gt; \\| y');
  });
});

describe('page kinds', () => {
  it('discovers a new kind from one file and merges groups that share a title', async () => {
    const dir = join(scratch, 'kinds');
    execFileSync('mkdir', ['-p', dir]);
    const kind = (id: string, title: string, order: number, pages: string) =>
      `export default { id: '${id}', title: '${title}', order: ${order}, async pages() { return ${pages}; } };\n`;
    writeFileSync(join(dir, 'b.mjs'), kind('b', 'Platform', 2, `[{ path: 'b', title: 'B page', markdown: '# B' }]`));
    writeFileSync(join(dir, 'a.mjs'), kind('a', 'Platform', 2, `[{ path: 'a/one', title: 'A page', markdown: '# A' }]`));
    writeFileSync(join(dir, 'codemods.mjs'), kind('codemods', 'Codemods', 1, `[{ path: 'codemods/x', title: 'x', markdown: '# x' }]`));
    const kinds = await loadPageKinds(dir);
    const out = join(scratch, 'out');
    const { groups } = await generate({ outDir: out, assetsDir: join(scratch, 'assets'), kinds });
    expect(groups).toEqual([
      { text: 'Codemods', items: [{ text: 'x', link: '/reference/codemods/x' }] },
      { text: 'Platform', items: [{ text: 'A page', link: '/reference/a/one' }, { text: 'B page', link: '/reference/b' }] },
    ]);
    expect(JSON.parse(readFileSync(join(out, 'sidebar.json'), 'utf8'))).toEqual(groups);
    expect(readFileSync(join(out, 'a/one.md'), 'utf8')).toBe('# A');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('| [x](/reference/codemods/x) | — |');
  });

  it('refuses two pages with one path', async () => {
    const twice = { id: 't', title: 'T', order: 0, pages: () => Promise.resolve([{ path: 'p', title: 'p', markdown: '' }, { path: 'p', title: 'q', markdown: '' }]) };
    await expect(generate({ outDir: join(scratch, 'dup'), assetsDir: join(scratch, 'dup-assets'), kinds: [twice] })).rejects.toThrow('Two reference pages have the path p');
  });
});

describe('reference pages from the real catalog', () => {
  let out: string;
  let modules: { id: string }[];
  let presets: { id: string }[];
  beforeAll(async () => {
    out = join(scratch, 'reference');
    await generate({ outDir: out, assetsDir: join(scratch, 'reference-assets') });
    const { loadBuiltinCatalog } = await import('@ai-factory/templates');
    const catalog = await loadBuiltinCatalog();
    modules = [...catalog.modules.values()];
    presets = [...catalog.presets.values()];
  });

  it('writes a page per module and preset and lists each in the sidebar', () => {
    const sidebar = readFileSync(join(out, 'sidebar.json'), 'utf8');
    for (const module of modules) {
      expect(readFileSync(join(out, 'modules', `${module.id}.md`), 'utf8')).toContain(`# ${module.id}`);
      expect(sidebar).toContain(`"/reference/modules/${module.id}"`);
    }
    for (const preset of presets) {
      expect(readFileSync(join(out, 'presets', `${preset.id}.md`), 'utf8')).toContain(`--preset ${preset.id} --yes`);
      expect(sidebar).toContain(`"/reference/presets/${preset.id}"`);
    }
  });

  it("gives every module an example command that really generates the module", () => {
    const projects = join(scratch, 'projects');
    execFileSync('mkdir', ['-p', projects]);
    let checked = 0;
    for (const module of modules) {
      const markdown = readFileSync(join(out, 'modules', `${module.id}.md`), 'utf8');
      const command = /```sh\nnpx create-ml-project (.+)\n```/.exec(markdown)?.[1];
      if (!command) {
        expect(markdown).toContain('No preset includes this module yet');
        expect(presets.some((preset) => (preset as unknown as { modules: string[] }).modules.includes(module.id))).toBe(false);
        continue;
      }
      const summary = JSON.parse(execFileSync(process.execPath, [CREATE_BIN, ...command.split(' '), '--dry-run', '--json'], { cwd: projects, encoding: 'utf8' }));
      expect(summary.modules.map((m: string) => m.split('@')[0])).toContain(module.id);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('shows the GPU catalog, the default access matrix and both command lines', async () => {
    const shared = await import('@ai-factory/shared');
    const gpus = readFileSync(join(out, 'gpus.md'), 'utf8');
    expect(gpus).toContain(`\`${shared.resolveGpu('a100-80gb', 4, 'azure').machineType}\``);
    expect(gpus).toContain(`nvidia.com/gpu.product=${shared.GPU_MODELS.h100.k8sProduct}`);
    const permissions = readFileSync(join(out, 'permissions.md'), 'utf8');
    const access = shared.defaultAccess(shared.PERSONAS, ['dev', 'staging', 'prod']);
    expect(permissions).toContain(`| \`ml-engineer\` | \`${access['ml-engineer'].dev}\` | \`${access['ml-engineer'].staging}\` | \`${access['ml-engineer'].prod}\` |`);
    expect(readFileSync(join(out, 'cli/create-ml-project.md'), 'utf8')).toContain('`--gpu none\\|<sku>[:<count>]`');
    expect(readFileSync(join(out, 'cli/ai-factory.md'), 'utf8')).toContain('## ai-factory docs');
    for (const page of ['cli/create-ml-project.md', 'cli/ai-factory.md']) expect(readFileSync(join(out, page), 'utf8')).toMatch(/## Exit codes[\s\S]*\| `130` \| cancelled/);
  });
});

describe('the reference index and its assets', () => {
  it("gives each page its summary, and writes a kind's assets beside the pages", async () => {
    const kind = { id: 'k', title: 'Platform', order: 0, pages: () => Promise.resolve([{ path: 'dash', title: 'Dash', summary: 'Every | dashboard', markdown: '# Dash', assets: [{ path: 'dash/one.json', content: '{}' }] }]) };
    const out = join(scratch, 'index-out');
    const assets = join(scratch, 'index-assets');
    const result = await generate({ outDir: out, assetsDir: assets, kinds: [kind] });
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('| [Dash](/reference/dash) | Every \\| dashboard |');
    expect(readFileSync(join(assets, 'dash/one.json'), 'utf8')).toBe('{}');
    expect(result.assets).toEqual(['dash/one.json']);
    // The sidebar keeps only what VitePress reads.
    expect(JSON.parse(readFileSync(join(out, 'sidebar.json'), 'utf8'))).toEqual([{ text: 'Platform', items: [{ text: 'Dash', link: '/reference/dash' }] }]);
  });
});

describe("What's new", () => {
  const CHANGELOG = [
    '# @ai-factory/shared',
    '',
    '## 2.1.0',
    '',
    '### Minor Changes',
    '',
    '- 3f2a9c1d: The organisation dashboard, with a `project` variable',
    '  across the fleet.',
    '',
    '### Patch Changes',
    '',
    '- Updated dependencies [3f2a9c1d]',
    '  - @ai-factory/engine@0.2.0',
    '  - @ai-factory/templates@0.3.0',
    '',
    '## 2.0.0',
    '',
    '### Major Changes',
    '',
    '- 0badc0de: `monitoring()` is split into `slo()` and `drift()`.',
    '',
  ].join('\n');

  it('reads a changesets changelog: package, versions, kinds and entries with their hashes', () => {
    expect(parseChangelog(CHANGELOG)).toEqual({
      name: '@ai-factory/shared',
      releases: [
        {
          version: '2.1.0',
          sections: [
            { kind: 'Minor Changes', entries: [{ hash: '3f2a9c1d', text: 'The organisation dashboard, with a `project` variable across the fleet.' }] },
            { kind: 'Patch Changes', entries: [{ hash: undefined, text: 'Updated dependencies [3f2a9c1d]: @ai-factory/engine@0.2.0, @ai-factory/templates@0.3.0' }] },
          ],
        },
        { version: '2.0.0', sections: [{ kind: 'Major Changes', entries: [{ hash: '0badc0de', text: '`monitoring()` is split into `slo()` and `drift()`.' }] }] },
      ],
    });
  });

  it('renders every release of every workspace that has a changelog, and says so when none has', () => {
    const root = join(scratch, 'workspaces');
    for (const dir of ['packages/shared', 'packages/cli', 'templates']) execFileSync('mkdir', ['-p', join(root, dir)]);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ workspaces: ['packages/*', 'templates'] }));
    writeFileSync(join(root, 'packages/shared/CHANGELOG.md'), CHANGELOG);
    writeFileSync(join(root, 'templates/CHANGELOG.md'), '# @ai-factory/templates\n\n## 0.3.0\n\n### Minor Changes\n\n- abcdef1: monitoring/organisation-dashboard\n');
    const dirs = workspaceDirs(root);
    expect(dirs.map((dir) => dir.slice(root.length + 1))).toEqual(['packages/cli', 'packages/shared', 'templates']);
    const markdown = renderWhatsNew(readChangelogs(dirs));
    expect(markdown).toContain('## @ai-factory/shared');
    expect(markdown).toContain('### @ai-factory/shared 2.1.0');
    expect(markdown).toContain('- `3f2a9c1` The organisation dashboard, with a `project` variable across the fleet.');
    expect(markdown).toContain('### @ai-factory/templates 0.3.0');
    expect(markdown.indexOf('2.1.0')).toBeLessThan(markdown.indexOf('2.0.0'));
    expect(renderWhatsNew(readChangelogs([join(root, 'packages/cli')]))).toContain('There are no releases yet');
  });
});

describe('codemod pages', () => {
  it('shows Before and After as one diff, removed and added lines marked for the site', () => {
    expect(markedDiff('a\nb\nc', 'a\nB\nc')).toBe('a\nb // [!code --]\nB // [!code ++]\nc');
    const doc = '# name\n\nWhat it does.\n\n## Before\n\n```ts\nold();\nkeep();\n```\n\n## After\n\n```ts\nnew();\nkeep();\n```\n';
    const body = codemodBody(doc);
    expect(body).not.toContain('## Before');
    expect(body).toContain('What it does.');
    expect(body).toContain('```ts\nold(); // [!code --]\nnew(); // [!code ++]\nkeep();\n```');
    expect(codemodBody('# name\n\nNo example.\n')).toBe('No example.\n');
  });
});

describe('edit links', () => {
  it("reads the repository's web address from every form npm accepts, and nothing from none", () => {
    expect(repositoryWebUrl({ type: 'git', url: 'git+https://github.com/acme/ai-factory.git' })).toBe('https://github.com/acme/ai-factory');
    expect(repositoryWebUrl('github:acme/ai-factory')).toBe('https://github.com/acme/ai-factory');
    expect(repositoryWebUrl('acme/ai-factory')).toBe('https://github.com/acme/ai-factory');
    expect(repositoryWebUrl('gitlab:acme/ai-factory')).toBe('https://gitlab.com/acme/ai-factory');
    expect(repositoryWebUrl('git@github.com:acme/ai-factory.git')).toBe('https://github.com/acme/ai-factory');
    expect(repositoryWebUrl(undefined)).toBeUndefined();
    expect(repositoryWebUrl({ url: '' })).toBeUndefined();
    expect(editLinkPattern('https://github.com/acme/ai-factory')).toBe('https://github.com/acme/ai-factory/edit/main/docs/:path');
    expect(editLinkPattern('https://gitlab.com/acme/ai-factory')).toBe('https://gitlab.com/acme/ai-factory/-/edit/main/docs/:path');
  });
});

describe('dashboard previews', () => {
  it('draws each panel where its gridPos puts it, with its thresholds and its queries as the tooltip', async () => {
    const shared = await import('@ai-factory/shared');
    const dashboard = JSON.parse(JSON.stringify(shared.organisationDashboard()));
    const svg = renderDashboardPreview(dashboard);
    const panels = panelsByRow(dashboard);
    expect(svg.match(/<g class="panel"/g)).toHaveLength(panels.length);
    expect(svg).not.toMatch(/\n\s*\n/); // inlined in Markdown: a blank line would end the HTML block
    const drift = panels.find(({ panel }) => panel.title === 'Worst feature drift (PSI)')!.panel;
    expect(svg).toContain(`width="${drift.gridPos.w * 50 - 6}"`);
    expect(svg).toMatch(/stroke="#f2495c"[^>]*stroke-dasharray[^>]*\/>.*?>0\.25</);
    expect(svg).toContain(xml(drift.targets[0].expr));
  });
});
