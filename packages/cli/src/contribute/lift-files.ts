/**
 * The lifted files as a module's `files/`: paths and text generalised, in memory, with what was replaced,
 * what was left, and what still looks specific to the project.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileFormat, type Manifest } from '@ai-factory/engine';
import { projectSpecific, type Finding } from './findings.js';
import { generalisePath, generaliseText, type AnswerValue, type ReplacementContext } from './generalise.js';

export interface GeneralisedValue {
  /** The module file, e.g. `files/src/__packageName__/x.py.hbs`. */
  file: string;
  line: number;
  value: string;
  variable: string;
  expression: string;
  context: ReplacementContext;
}

export interface LiftedFiles {
  /** Module path (`files/…`) → content. */
  contents: Map<string, Buffer>;
  /** Module paths of executable files. */
  executable: Set<string>;
  /** Project path → module path. */
  files: { from: string; to: string }[];
  /** The text files as lifted, for reading their imports. */
  texts: { path: string; text: string }[];
  generalised: GeneralisedValue[];
  projectSpecific: ({ file: string } & Finding)[];
}

/** In Python the name that fits an identifier is the package name; elsewhere, when both are equal, the project name. */
function valuesFor(path: string, values: readonly AnswerValue[]): AnswerValue[] {
  const name = values.find((v) => v.variable === 'name')?.value;
  const pkg = values.find((v) => v.variable === 'packageName')?.value;
  if (name !== pkg) return [...values];
  const drop = fileFormat(path) === 'python' ? 'name' : 'packageName';
  return values.filter((v) => v.variable !== drop);
}

export function liftFiles(projectDir: string, paths: readonly string[], manifest: Manifest, values: readonly AnswerValue[]): LiftedFiles {
  const lifted: LiftedFiles = { contents: new Map(), executable: new Set(), files: [], texts: [], generalised: [], projectSpecific: [] };
  for (const from of paths) {
    const bytes = readFileSync(join(projectDir, from));
    let to = `files/${generalisePath(from, values)}`;
    let content = bytes;
    // Binary files are copied as they are.
    if (!bytes.includes(0)) {
      const text = bytes.toString('utf8');
      const result = generaliseText(text, from, valuesFor(from, values));
      if (result.replacements.length > 0) to += '.hbs';
      content = Buffer.from(result.text);
      lifted.texts.push({ path: from, text });
      lifted.generalised.push(...result.replacements.map(({ line, value, variable, expression, context }) => ({ file: to, line, value, variable, expression, context })));
      lifted.projectSpecific.push(
        ...result.leftovers.map(({ line, value, reason }) => ({ file: to, line, text: value, reason: `answer value left as is: ${reason}` })),
        ...projectSpecific(result.text, manifest.answers.name).map((finding) => ({ file: to, ...finding })),
      );
    }
    lifted.contents.set(to, content);
    if (statSync(join(projectDir, from)).mode & 0o111) lifted.executable.add(to);
    lifted.files.push({ from, to });
  }
  return lifted;
}
