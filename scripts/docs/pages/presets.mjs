/** One page per preset: its default answers, its modules (and when each applies), and the command. */
import { describeCondition } from '../conditions.mjs';
import { code, fence, link, page, table, text } from '../markdown.mjs';
import { modulePath } from './modules.mjs';
import { loadCatalog } from '../sources.mjs';

/** An answer value as a reader would type it on the command line. */
export function answerValue(key, value) {
  if (value === null) return key === 'gpu' ? 'none' : 'null';
  if (key === 'gpu') return `${value.sku}:${value.count}`;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function renderPresetPage(preset, modules) {
  // Module options have no flag; an empty set is the default and says nothing.
  const answers = Object.entries(preset.answers).filter(([key, value]) => key !== 'moduleOptions' || Object.keys(value).length > 0);
  const flagOf = (key) => (key === 'monitoring' ? '--[no-]monitoring' : key === 'moduleOptions' ? '--answers <file>' : `--${key}`);
  const answerTable = answers.length === 0
    ? 'This preset sets no answers; the factory defaults apply.'
    : table(['answer', 'value', 'override with'], answers.map(([key, value]) => [
        code(key),
        code(answerValue(key, value)),
        code(flagOf(key)),
      ]));
  const moduleTable = table(['module', 'applies when', 'summary'], preset.modules.map((id) => {
    const module = modules.get(id);
    return [link(id, modulePath(id)), text(describeCondition(module.when)), text(module.summary)];
  }));
  return page({
    title: preset.id,
    description: preset.summary,
    body: [
      `**${text(preset.summary)}**`,
      preset.description ? text(preset.description) : '',
      '## Answers',
      'Flags, prompts and an answers file override these defaults.',
      answerTable,
      '## Modules',
      'A module whose condition does not hold for the final answers is left out of the project.',
      moduleTable,
      '## Create a project',
      fence(`npx create-ml-project my-project --preset ${preset.id} --yes`, 'sh'),
      'Drop `--yes` to be asked for each answer, or add `--dry-run` to list the files without writing them.',
    ].filter(Boolean).join('\n\n'),
  });
}

export default {
  id: 'presets',
  title: 'Presets',
  order: 10,
  async pages() {
    const catalog = await loadCatalog();
    return [...catalog.presets.values()].map((preset) => ({
      path: `presets/${preset.id}`,
      title: preset.id,
      summary: preset.summary,
      markdown: renderPresetPage(preset, catalog.modules),
    }));
  },
};
