/** The command-line reference: `create-ml-project` from its option table, `ai-factory` from its commands. */
import { code, fence, page, table, text } from '../markdown.mjs';
import { loadCli, loadCreateOptions, loadCreateVersion, loadEngine } from '../sources.mjs';

const CREATE_SUMMARY = 'Every flag of create-ml-project, from its option table.';
const AI_FACTORY_SUMMARY = 'Every ai-factory command, from its declaration.';

/** The exit codes both CLIs share, from the engine's table. */
export function exitCodesSection({ EXIT_CODES, EXIT_CODE_MEANINGS }) {
  return [
    '## Exit codes',
    'Both `create-ml-project` and `ai-factory` exit with these codes; with `--json` every outcome, a usage error included, prints one JSON document on stdout (`{"ok": false, "error": {"code", "message"}}` on failure).',
    table(['code', 'meaning'], Object.entries(EXIT_CODES).map(([outcome, value]) => [code(String(value)), text(EXIT_CODE_MEANINGS[outcome])])),
  ].join('\n\n');
}

export function renderCreatePage({ ANSWER_FLAGS, MONITORING_FLAG, CONTROL_FLAGS, helpText }, version, exitCodes) {
  const answers = table(['flag', 'answer', 'description'], [
    ...ANSWER_FLAGS.map((f) => [code(`--${f.flag} ${f.value}`), code(f.answer), text(f.description)]),
    [code(`--[no-]${MONITORING_FLAG.flag}`), code('monitoring'), text(MONITORING_FLAG.description)],
  ]);
  const control = table(['flag', 'description'], CONTROL_FLAGS.map((f) => [
    code(`${'short' in f ? `-${f.short}, ` : ''}--${f.flag}${'value' in f ? ` ${f.value}` : ''}`),
    text(f.description),
  ]));
  return page({
    title: 'create-ml-project',
    description: CREATE_SUMMARY,
    wide: true,
    body: [
      `\`npx create-ml-project [directory] [options]\` (version ${text(version)}) creates a project. Every prompt has a flag, so a run needs no prompts at all; without a terminal nothing is asked and a missing answer is an error that names its flag.`,
      '## Answers',
      answers,
      '## Run control',
      control,
      exitCodes,
      '## `--help`',
      fence(helpText(version)),
    ].join('\n\n'),
  });
}

/** Anchor of a command's section; VitePress slugs headings the same way for `ai-factory <name>`. */
export const commandAnchor = (name) => `ai-factory-${name.replace(/\s+/g, '-')}`;

export function renderAiFactoryPage(commands, commandHelp, exitCodes) {
  const overview = commands.length === 0
    ? 'No commands are registered.'
    : table(['command', 'summary'], commands.map((c) => [`[${code(`ai-factory ${c.name}`)}](#${commandAnchor(c.name)})`, text(c.summary)]));
  const sections = commands.map((command) => {
    const options = Object.entries(command.options);
    return [
      `## ai-factory ${text(command.name)} {#${commandAnchor(command.name)}}`,
      text(command.summary),
      options.length === 0 ? 'No options.' : table(['option', 'description', 'default'], options.map(([name, spec]) => [
        code(`${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`),
        text(spec.description),
        spec.default === undefined ? '—' : code(spec.default),
      ])),
      fence(commandHelp(command)),
    ].join('\n\n');
  });
  return page({
    title: 'ai-factory',
    description: AI_FACTORY_SUMMARY,
    body: [
      '`ai-factory <command> [options]` keeps projects current and serves this playbook. `ai-factory <command> --help` prints the same text as below; `ai-factory fleet --help` lists the commands of a group, and `--version` works at every level.',
      overview,
      exitCodes,
      ...sections,
    ].join('\n\n'),
  });
}

export default {
  id: 'cli',
  title: 'Command line',
  order: 40,
  async pages() {
    const [options, version, cli, engine] = await Promise.all([loadCreateOptions(), loadCreateVersion(), loadCli(), loadEngine()]);
    const exitCodes = exitCodesSection(engine);
    return [
      { path: 'cli/create-ml-project', title: 'create-ml-project', summary: CREATE_SUMMARY, markdown: renderCreatePage(options, version, exitCodes) },
      { path: 'cli/ai-factory', title: 'ai-factory', summary: AI_FACTORY_SUMMARY, markdown: renderAiFactoryPage(cli.COMMANDS, cli.commandHelp, exitCodes) },
    ];
  },
};
