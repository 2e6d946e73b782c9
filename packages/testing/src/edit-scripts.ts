/**
 * Test helpers for the property test that hunts for loss: random edit scripts a team could make to a
 * generated project (lines, files, modes, links inside and outside, binary and Latin-1 files, CRLF and
 * byte order marks, files turned binary, hand edits to managed files, the config in random styles,
 * structured edits to YAML, JSON and TOML files from team-edits.ts), applied to a checkout.
 */
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyStructuredEdit, structuredEdit, type StructuredEdit } from './team-edits.js';
import fc from 'fast-check';

type KeyStyle = 'bare' | 'double' | 'single' | 'computed';
const writeKey = (name: string, style: KeyStyle) => ({ bare: name, double: `"${name}"`, single: `'${name}'`, computed: `["${name}"]` })[style];

/** What the config declares, whatever the style: the upgraded config must declare the same. */
export interface Intent {
  latencyP95Ms?: number;
  errorRatePercent?: number;
  driftWarningPsi?: number;
  driftCriticalPsi?: number;
  enabled?: boolean;
  vcpus?: number;
  memoryGi?: number;
  gpuCount?: number;
}

export interface ConfigStyle {
  imports: 'named' | 'aliased' | 'namespace';
  key: KeyStyle;
  shorthand: boolean;
  multiline: boolean;
  comments: boolean;
  satisfies: boolean;
  /** Options built in a variable: what the codemods must refuse, loudly. */
  outOfSight: boolean;
  intent: Intent;
}

export type Edit =
  | { kind: 'insert-line' | 'change-line'; file: number; hot: boolean; at: number; line: string }
  | { kind: 'delete-line'; file: number; hot: boolean; at: number }
  | { kind: 'delete-file' | 'crlf' | 'bom' | 'binary'; file: number; hot: boolean }
  | { kind: 'rename-file'; file: number; to: string }
  | { kind: 'chmod'; file: number; executable: boolean }
  | { kind: 'link-inside'; file: number; target: number }
  | { kind: 'link-outside'; file: number; replace: boolean }
  | { kind: 'link-folder'; file: number }
  | { kind: 'add-file'; path: string; content: 'binary' | 'latin1' | 'text' | 'typescript'; seed: number }
  | { kind: 'latin1-line'; file: number; at: number }
  | { kind: 'edit-managed'; file: number; line: string }
  | { kind: 'config'; style: ConfigStyle }
  /** A structured edit (a key, a value, a list item...) to a YAML, JSON or TOML file the new version changes too. */
  | { kind: 'structured'; file: number; edit: StructuredEdit };

const text = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9 _=:.-]{0,40}$/),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  fc.constantFrom('<<<<<<< not a marker', '=======', '"quoted" and \'single\'', '${not.a.template}', '# TODO(team): keep', 'cores: 8'),
);
const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
const folder = fc.constantFrom('', 'notes/', 'src/', 'tools/', 'infra/', 'deep/er/folder/', 'monitoring/');
const at = fc.nat({ max: 400 });
const file = fc.nat({ max: 10_000 });
/** Half the line edits go to files the new factory version changes too: where merges and conflicts happen. */
const hot = fc.boolean();

const intent: fc.Arbitrary<Intent> = fc.record(
  {
    latencyP95Ms: fc.integer({ min: 50, max: 5000 }),
    errorRatePercent: fc.constantFrom(0.1, 0.5, 1, 2, 5),
    driftWarningPsi: fc.constantFrom(0.05, 0.1, 0.15),
    driftCriticalPsi: fc.constantFrom(0.25, 0.3, 0.5),
    enabled: fc.boolean(),
    vcpus: fc.constantFrom(2, 4, 8, 16),
    memoryGi: fc.constantFrom(8, 16, 32, 64),
    gpuCount: fc.constantFrom(1, 2, 4, 8),
  },
  { requiredKeys: [] },
);

const configStyle: fc.Arbitrary<ConfigStyle> = fc.record({
  imports: fc.constantFrom('named' as const, 'aliased' as const, 'namespace' as const),
  key: fc.constantFrom('bare' as const, 'double' as const, 'single' as const, 'computed' as const),
  shorthand: fc.boolean(),
  multiline: fc.boolean(),
  comments: fc.boolean(),
  satisfies: fc.boolean(),
  // One config in twenty hides its options from the codemods.
  outOfSight: fc.nat({ max: 19 }).map((dice) => dice === 0),
  intent,
});

/** An edit script: a few edits, most of them the everyday kind. */
export const editScript: fc.Arbitrary<Edit[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('insert-line' as const, 'change-line' as const), file, hot, at, line: text }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete-line' as const), file, hot, at }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('delete-file' as const, 'crlf' as const, 'bom' as const, 'binary' as const), file, hot }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename-file' as const), file, to: fc.tuple(folder, name).map(([f, n]) => `${f}${n}.txt`) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('chmod' as const), file, executable: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('link-inside' as const), file, target: file }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('link-outside' as const), file, replace: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('link-folder' as const), file }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('add-file' as const),
        path: fc.tuple(folder, name).map(([f, n]) => `${f}team_${n}`),
        content: fc.constantFrom('binary' as const, 'latin1' as const, 'text' as const, 'typescript' as const),
        seed: fc.nat(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('latin1-line' as const), file, at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit-managed' as const), file, line: text }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('config' as const), style: configStyle }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('structured' as const), file, edit: structuredEdit }) },
  ),
  { minLength: 1, maxLength: 6 },
);

/** A checkout to apply a script to, and what the script leaves for the checks. */
export interface Checkout {
  dir: string;
  /** The project's config as generated: a config edit rewrites it from there. */
  config: string;
  /** A folder beside the repository that links may point into. */
  outside: string;
  /** The managed files of the project. */
  managed: readonly string[];
  /** The template files the new factory version changes. */
  hot: readonly string[];
  /** What the last config edit declares, while no later edit changed a line of it. */
  intent?: Intent;
  /** Team TypeScript added with a cpu({ cores }) call; its migration renames cores to vcpus. */
  teamTypescript: Set<string>;
  /**
   * What the script did that an upgrade may rightly refuse, each the reason of one error code: options
   * out of the codemods' sight, TypeScript (or its config) damaged, a link or a move where files are
   * written, a hand edit to a managed file.
   */
  reasons: Set<Reason>;
}

export type Reason = 'out-of-sight' | 'typescript-damaged' | 'link' | 'managed-edit';

/** Edits that can leave TypeScript (or the config it needs) broken or gone. */
const DAMAGING = new Set<Edit['kind']>(['structured', 'change-line', 'delete-line', 'binary', 'delete-file', 'rename-file', 'link-inside', 'link-outside']);
/** Edits that change a file's content or kind: on a managed file, a hand edit. */
const CONTENT = new Set<Edit['kind']>(['structured', 'insert-line', 'change-line', 'delete-line', 'latin1-line', 'edit-managed', 'crlf', 'bom', 'binary', 'link-inside', 'link-outside']);
const isTypescriptInput = (path: string) => /\.(c|m)?tsx?$|(^|\/)tsconfig\.json$|(^|\/)package\.json$/.test(path);

/** Records why an edit may make the upgrade refuse. */
function noteReasons(checkout: Checkout, edit: Edit, target: string | undefined): void {
  if (edit.kind === 'link-inside' || edit.kind === 'link-outside' || edit.kind === 'link-folder' || edit.kind === 'rename-file' || edit.kind === 'add-file') checkout.reasons.add('link');
  if (edit.kind === 'link-folder') checkout.reasons.add('typescript-damaged').add('managed-edit');
  if (!target) return;
  if (DAMAGING.has(edit.kind) && isTypescriptInput(target) && !(edit.kind === 'link-outside' && !edit.replace)) checkout.reasons.add('typescript-damaged');
  if (CONTENT.has(edit.kind) && checkout.managed.includes(target) && !(edit.kind === 'link-outside' && !edit.replace)) checkout.reasons.add('managed-edit');
}

const CONFIG = 'ai-factory.config.ts';
const STRUCTURED = /\.(ya?ml|json|toml)$/;

/** The checkout's regular files and folders, sorted; never the manifest: it is the factory's record. */
function entries(dir: string, prefix = ''): { files: string[]; folders: string[] } {
  const found = { files: [] as string[], folders: [] as string[] };
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (path === '.git' || path === '.ai-factory') continue;
    if (entry.isDirectory()) {
      found.folders.push(path);
      const inner = entries(dir, `${path}/`);
      found.files.push(...inner.files);
      found.folders.push(...inner.folders);
    } else if (entry.isFile()) found.files.push(path);
  }
  return { files: found.files.sort(), folders: found.folders.sort() };
}

const pick = <T>(items: readonly T[], index: number): T | undefined => (items.length ? items[index % items.length] : undefined);

/** Bytes that are valid UTF-8 nowhere: Latin-1 letters. */
const LATIN1_LINE = Buffer.from('# Propri\xe9t\xe9 de l\'\xe9quipe \xe0 ne pas perdre\n', 'latin1');

/** Edits a file's lines, leaving every other byte as it was (its bytes are read one for one, as Latin-1). */
function splice(path: string, edit: (lines: string[]) => void): void {
  const lines = readFileSync(path, 'latin1').split('\n');
  edit(lines);
  writeFileSync(path, Buffer.from(lines.join('\n'), 'latin1'));
}

/**
 * A new line as the file's bytes hold it: UTF-8; in TypeScript a comment, so the config still evaluates.
 * (Lines are handled as Latin-1 strings by {@link splice}.)
 */
const asLine = (path: string, line: string) => Buffer.from(/\.(c|m)?tsx?$/.test(path) ? `// ${line}` : line, 'utf8').toString('latin1');

function replaceWithLink(path: string, target: string): void {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

/** Applies one edit to the checkout. */
export function applyEdit(checkout: Checkout, edit: Edit): void {
  const { dir } = checkout;
  const { files, folders } = entries(dir);
  const candidates = edit.kind === 'edit-managed' ? checkout.managed : edit.kind === 'structured' ? checkout.hot.filter((path) => STRUCTURED.test(path)) : 'hot' in edit && edit.hot ? checkout.hot : files;
  const target = 'file' in edit ? pick(candidates.filter((path) => files.includes(path)), edit.file) : undefined;
  const absolute = target && join(dir, target);
  noteReasons(checkout, edit, target);
  // A changed or deleted line of the config may change what it declares.
  if (target === CONFIG && (edit.kind === 'change-line' || edit.kind === 'delete-line')) delete checkout.intent;
  switch (edit.kind) {
    case 'insert-line':
    case 'change-line':
      if (absolute) splice(absolute, (lines) => lines.splice(edit.at % (lines.length + 1), edit.kind === 'change-line' ? 1 : 0, asLine(target, edit.line)));
      return;
    case 'delete-line':
      if (absolute) splice(absolute, (lines) => lines.splice(edit.at % Math.max(1, lines.length), 1));
      return;
    case 'latin1-line':
      if (absolute) {
        const bytes = readFileSync(absolute);
        const cut = bytes.indexOf(0x0a) + 1;
        writeFileSync(absolute, Buffer.concat([bytes.subarray(0, cut), /\.(c|m)?tsx?$/.test(target) ? Buffer.from(`//${LATIN1_LINE.toString('latin1')}`, 'latin1') : LATIN1_LINE, bytes.subarray(cut)]));
      }
      return;
    case 'edit-managed':
      if (absolute) writeFileSync(absolute, Buffer.concat([readFileSync(absolute), Buffer.from(`# ${edit.line}\n`)]));
      return;
    case 'delete-file':
      if (absolute) rmSync(absolute);
      return;
    case 'crlf':
      if (absolute) writeFileSync(absolute, Buffer.from(readFileSync(absolute, 'latin1').replace(/\r?\n/g, '\r\n'), 'latin1'));
      return;
    case 'binary':
      if (absolute) writeFileSync(absolute, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), readFileSync(absolute)]));
      return;
    case 'bom':
      if (absolute) writeFileSync(absolute, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(absolute)]));
      return;
    case 'rename-file':
      if (absolute && !existsSync(join(dir, edit.to))) {
        mkdirSync(dirname(join(dir, edit.to)), { recursive: true });
        renameSync(absolute, join(dir, edit.to));
      }
      return;
    case 'chmod':
      if (absolute) chmodSync(absolute, edit.executable ? 0o755 : 0o644);
      return;
    case 'link-inside': {
      const to = pick(files, edit.target);
      if (absolute && to && to !== target) replaceWithLink(absolute, relativeTo(target, to));
      return;
    }
    case 'link-outside': {
      if (!target) return;
      const name = target.replace(/\//g, '_');
      writeFileSync(join(checkout.outside, name), `# the organisation's ${target}\n`);
      const path = edit.replace ? target : `${target}.org`;
      if (!existsSync(join(dir, path)) || edit.replace) replaceWithLink(join(dir, path), relativeTo(path, `../outside/${name}`));
      return;
    }
    case 'link-folder': {
      const chosen = pick(folders, edit.file);
      if (!chosen) return;
      const copy = join(checkout.outside, chosen.replace(/\//g, '_'));
      cpSync(join(dir, chosen), copy, { recursive: true, verbatimSymlinks: true });
      replaceWithLink(join(dir, chosen), relativeTo(chosen, `../outside/${chosen.replace(/\//g, '_')}`));
      return;
    }
    case 'add-file':
      addFile(checkout, edit);
      return;
    case 'structured':
      if (absolute) writeFileSync(absolute, Buffer.from(applyStructuredEdit(target, readFileSync(absolute, 'latin1'), edit.edit), 'latin1'));
      return;
    case 'config':
      if (existsSync(join(dir, CONFIG)) && !lstatSync(join(dir, CONFIG)).isSymbolicLink()) {
        writeFileSync(join(dir, CONFIG), renderConfig(checkout.config, edit.style));
        checkout.intent = edit.style.intent;
        if (edit.style.outOfSight) checkout.reasons.add('out-of-sight');
        else checkout.reasons.delete('out-of-sight');
      }
      return;
  }
}

/** `to` (a path in the checkout, or `../outside/...` beside it) as a link at `from` would name it. */
function relativeTo(from: string, to: string): string {
  const up = '../'.repeat(from.split('/').length - 1);
  return `${up}${to}`;
}

function addFile(checkout: Checkout, edit: Extract<Edit, { kind: 'add-file' }>): void {
  const bytes = Buffer.alloc(64 + (edit.seed % 200));
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = (edit.seed * 31 + i * 17) % 256;
  const content = {
    binary: bytes,
    latin1: Buffer.concat([LATIN1_LINE, Buffer.from(`valeur = ${edit.seed}\n`)]),
    text: Buffer.from(`Notes of the team, ${edit.seed}.\n`),
    typescript: Buffer.from(`import { cpu } from '@ai-factory/shared';\n\n// Capacity planned by the team.\nexport const size${edit.seed} = cpu({ cores: ${2 ** (edit.seed % 4) * 2}, memoryGi: 32 });\n`),
  }[edit.content];
  const path = `${edit.path}${{ binary: '.bin', latin1: '.txt', text: '.md', typescript: '.ts' }[edit.content]}`;
  const absolute = join(checkout.dir, path);
  if (existsSync(absolute) || existsSync(dirname(absolute)) && !lstatSync(dirname(absolute)).isDirectory()) return;
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, content);
  if (edit.content === 'typescript') checkout.teamTypescript.add(path);
}

const OPTIONS = ['latencyP95Ms', 'errorRatePercent', 'driftWarningPsi', 'driftCriticalPsi', 'enabled'] as const;

/** An options object in the style: its keys written one way, maybe shorthand, on one line or several, with comments. */
function options(entries: [string, string][], style: ConfigStyle, indent: string): string {
  if (entries.length === 0) return '';
  const property = ([key, value]: [string, string]) => (style.shorthand && value === key ? key : `${writeKey(key, style.key)}: ${value}`);
  if (!style.multiline) return `{ ${entries.map(property).join(', ')}${style.comments ? ' /* the team\'s */' : ''} }`;
  const lines = entries.map((entry) => `${indent}  ${style.comments ? `// ${entry[0]}, as the team set it\n${indent}  ` : ''}${property(entry)},`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/**
 * The 0.1.0 config with its training and monitoring declared in `style`: aliased or namespace imports,
 * quoted or computed keys, shorthand, one line or several, comments, `satisfies`.
 */
export function renderConfig(config: string, style: ConfigStyle): string {
  const { intent } = style;
  const prelude: string[] = [];
  // Shorthand takes the value from a constant of the same name.
  const value = (key: string, raw: string) => {
    if (!style.shorthand) return raw;
    prelude.push(`const ${key} = ${raw};`);
    return key;
  };
  const monitoring = OPTIONS.filter((key) => intent[key] !== undefined).map((key): [string, string] => [key, value(key, String(intent[key]))]);
  const gpu = config.includes('gpu(');
  const compute: [string, string][] = gpu
    ? [['sku', '"a100-80gb"'], ...(intent.gpuCount !== undefined ? [['count', String(intent.gpuCount)] as [string, string]] : [])]
    : [...(intent.vcpus !== undefined ? [['cores', value('cores', String(intent.vcpus))] as [string, string]] : []), ...(intent.memoryGi !== undefined ? [['memoryGi', value('memoryGi', String(intent.memoryGi))] as [string, string]] : [])];
  const names = { cpu: 'cpu', gpu: 'gpu', monitoring: 'monitoring' };
  let text = config;
  if (style.imports === 'aliased') {
    Object.assign(names, { cpu: 'compute', gpu: 'gpuProfile', monitoring: 'observability' });
    text = text.replace(/ (cpu|gpu|monitoring)(,| })/g, (_, builder: string, after: string) => ` ${builder} as ${names[builder as keyof typeof names]}${after}`);
  }
  const prefix = style.imports === 'namespace' ? 'shared.' : '';
  if (style.imports === 'namespace') text = text.replace(/^import \{[^}]*\} from '@ai-factory\/shared';/m, "import * as shared from '@ai-factory/shared';").replace(/\b(defineProject|environment|pipeline|serving|access)\(/g, 'shared.$1(');
  const builder = (name: keyof typeof names) => `${prefix}${names[name]}`;
  const computeOptions = options(compute, style, '  ');
  const checked = style.satisfies && !gpu && computeOptions ? `${computeOptions} satisfies ${prefix}CpuOptions` : computeOptions;
  if (style.satisfies && !gpu && computeOptions && !prefix) text = text.replace(" } from '@ai-factory/shared';", ", type CpuOptions } from '@ai-factory/shared';");
  const training = style.outOfSight ? (prelude.push(`const sizes = ${computeOptions || '{}'};`), 'sizes') : checked;
  text = text
    .replace(/ {2}training: (cpu|gpu)\([^\n]*\),/, `  training: ${builder(gpu ? 'gpu' : 'cpu')}(${training}),`)
    .replace('  monitoring: monitoring(),', `  monitoring: ${builder('monitoring')}(${options(monitoring, style, '  ')}),`);
  return prelude.length ? text.replace('\nexport default', `\n${prelude.join('\n')}\n\nexport default`) : text;
}
