#!/usr/bin/env node
/**
 * Writes the playbook's reference pages into docs/reference/ from the factory's code, and the sidebar
 * data the VitePress config reads. Run after the build: `node scripts/docs/generate.mjs`.
 *
 * Page kinds are discovered: every `pages/<kind>.mjs` default-exports
 *   { id, title, order, pages: async () => [{ path, title, summary, markdown, assets? }] }
 * where `path` is relative to docs/reference/ without `.md`, `summary` is the page's line on the
 * reference index, `assets` are `{ path, content }` files served beside the pages (under
 * /reference/, from docs/public/reference/), and `title` (the sidebar group) merges kinds that share
 * it. A new kind is one new file; nothing here changes.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { link, page, table, text } from './markdown.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REFERENCE_DIR = join(HERE, '..', '..', 'docs', 'reference');
export const ASSETS_DIR = join(HERE, '..', '..', 'docs', 'public', 'reference');
export const SIDEBAR_FILE = 'sidebar.json';

/** Every page kind in `pages/`, sorted by order then id. */
export async function loadPageKinds(dir = join(HERE, 'pages')) {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.mjs') && !file.includes('.test.')).sort();
  const kinds = await Promise.all(files.map(async (file) => ({ file, kind: (await import(pathToFileURL(join(dir, file)).href)).default })));
  for (const { file, kind } of kinds) {
    if (!kind || typeof kind.pages !== 'function' || !kind.id || !kind.title) {
      throw new Error(`scripts/docs/pages/${file} must default-export { id, title, order, pages() }.`);
    }
  }
  return kinds.map(({ kind }) => kind).sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id));
}

/** Sidebar groups: kinds with the same title share a group, in the order of their first kind. */
export function sidebarGroups(sections) {
  const groups = new Map();
  for (const { kind, pages } of sections) {
    const group = groups.get(kind.title) ?? { text: kind.title, items: [], summaries: [] };
    group.items.push(...pages.map((p) => ({ text: p.title, link: `/reference/${p.path}` })));
    group.summaries.push(...pages.map((p) => p.summary ?? ''));
    groups.set(kind.title, group);
  }
  return [...groups.values()].filter((group) => group.items.length > 0);
}

/** The sidebar data: groups without their summaries. */
const sidebarData = (groups) => groups.map(({ text: label, items }) => ({ text: label, items }));

function indexPage(groups) {
  const body = groups.map((group) => `## ${text(group.text)}\n\n${table(['page', 'what it is'], group.items.map((item, index) => [
    link(item.text, item.link.slice('/reference/'.length)),
    text(group.summaries[index] || '—'),
  ]))}`).join('\n\n');
  return page({
    title: 'Reference',
    description: 'Pages generated from the factory\'s code: presets, modules, GPUs, permissions, dashboards, the command line, codemods and releases.',
    body: `Every page in this section is generated from the code of the factory, so it always matches the release it was built from.\n\n${body}`,
  });
}

/** Generates every page into `outDir` and assets into `assetsDir` (both emptied first: everything in them is generated). */
export async function generate({ outDir = REFERENCE_DIR, assetsDir = ASSETS_DIR, kinds } = {}) {
  const sections = [];
  for (const kind of kinds ?? (await loadPageKinds())) sections.push({ kind, pages: await kind.pages() });
  const seen = new Set();
  for (const { kind, pages } of sections) {
    for (const p of pages) {
      if (seen.has(p.path)) throw new Error(`Two reference pages have the path ${p.path} (page kind ${kind.id}).`);
      seen.add(p.path);
    }
  }
  const groups = sidebarGroups(sections);
  await Promise.all([rm(outDir, { recursive: true, force: true }), rm(assetsDir, { recursive: true, force: true })]);
  const files = [
    ...sections.flatMap(({ pages }) => pages.map((p) => [`${p.path}.md`, p.markdown])),
    ['index.md', indexPage(groups)],
    [SIDEBAR_FILE, `${JSON.stringify(sidebarData(groups), null, 2)}\n`],
  ];
  const assets = sections.flatMap(({ pages }) => pages.flatMap((p) => (p.assets ?? []).map((asset) => [asset.path, asset.content])));
  for (const [dir, entries] of [[outDir, files], [assetsDir, assets]]) {
    for (const [path, content] of entries) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
  }
  return { groups: sidebarData(groups), files: files.map(([path]) => path), assets: assets.map(([path]) => path) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files } = await generate();
  process.stdout.write(`Wrote ${files.length} files to docs/reference/.\n`);
}
