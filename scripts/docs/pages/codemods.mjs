/** The codemods: one page each with its Before/After document, and a list in the order upgrades run them. */
import { readFileSync } from 'node:fs';
import { code, page, table, text } from '../markdown.mjs';
import { loadCodemods } from '../sources.mjs';

/** The codemod's own document, without its top-level title (the page has one). */
const body = (docsDir, name) => readFileSync(`${docsDir}${name}.md`, 'utf8').replace(/^# .*\n+/, '');

export default {
  id: 'codemods',
  title: 'Upgrades',
  order: 40,
  async pages() {
    const { codemods, selectCodemods, docsDir } = await loadCodemods();
    const ordered = selectCodemods(codemods, '0.0.0', '999.0.0');
    const list = page({
      title: 'Codemods',
      description: 'Every codemod that migrates project TypeScript between @ai-factory/shared releases.',
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
      { path: 'codemods', title: 'Codemods', markdown: list },
      ...ordered.map((c) => ({
        path: `codemods/${c.name}`,
        title: c.name,
        markdown: page({ title: c.name, description: c.description, body: `Introduced in \`@ai-factory/shared\` ${c.introducedIn}.\n\n${body(docsDir, c.name)}` }),
      })),
    ];
  },
};
