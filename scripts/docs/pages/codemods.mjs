/** The codemods: one page each, its Before/After shown as one coloured diff, and a list in the order upgrades run them. */
import { readFileSync } from 'node:fs';
import { diffLines } from 'diff';
import { code, fence, page, table, text } from '../markdown.mjs';
import { loadCodemods } from '../sources.mjs';

const SUMMARY = 'Every codemod that migrates project TypeScript between @ai-factory/shared releases.';
const EXAMPLE = /## Before\n+```(\w*)\n([\s\S]*?)\n```\n+## After\n+```\w*\n([\s\S]*?)\n```\n?/;

/**
 * The whole file with each removed and added line marked for VitePress's diff notation (`[!code --]`,
 * `[!code ++]` in a trailing comment, which the site hides and turns into red and green lines), so the
 * change keeps its syntax highlighting. Codemods rewrite TypeScript, whose comments these are.
 */
export function markedDiff(before, after) {
  return diffLines(`${before}\n`, `${after}\n`)
    .flatMap((part) => part.value.replace(/\n$/, '').split('\n').map((line) => (part.added ? `${line} // [!code ++]` : part.removed ? `${line} // [!code --]` : line)))
    .join('\n');
}

/**
 * The codemod's own document without its top-level title (the page has one), its Before and After
 * blocks replaced by the diff between them. A document without both blocks is shown as written.
 */
export function codemodBody(markdown) {
  const body = markdown.replace(/^# .*\n+/, '');
  const example = EXAMPLE.exec(body);
  if (!example) return body;
  const [, lang, before, after] = example;
  const change = `## What it changes\n\nRemoved lines are red, added lines green.\n\n${fence(markedDiff(before, after), lang || 'ts')}\n`;
  return body.replace(EXAMPLE, change);
}

export default {
  id: 'codemods',
  title: 'Upgrades',
  order: 40,
  async pages() {
    const { codemods, selectCodemods, docsDir } = await loadCodemods();
    const ordered = selectCodemods(codemods, '0.0.0', '999.0.0');
    const list = page({
      title: 'Codemods',
      description: SUMMARY,
      body: [
        '`ai-factory upgrade` runs every codemod introduced after the project\'s `@ai-factory/shared` version, up to the one the factory ships, oldest first: skipping releases never skips a migration. Codemods only rewrite files that import `@ai-factory/shared`; what they cannot rewrite safely (options built away from the call) is left for the compiler to point at.',
        table(['codemod', 'introduced in', 'idempotent', 'what it does'], ordered.map((c) => [
          `[${code(c.name)}](./codemods/${c.name})`,
          code(c.introducedIn),
          c.idempotent ? 'yes' : 'no',
          text(c.description),
        ])),
      ].join('\n\n'),
    });
    return [
      { path: 'codemods', title: 'Codemods', summary: SUMMARY, markdown: list },
      ...ordered.map((c) => ({
        path: `codemods/${c.name}`,
        title: c.name,
        summary: c.description,
        markdown: page({
          title: c.name,
          description: c.description,
          body: `Introduced in \`@ai-factory/shared\` ${c.introducedIn}.\n\n${codemodBody(readFileSync(`${docsDir}${c.name}.md`, 'utf8'))}`,
        }),
      })),
    ];
  },
};
