/** Reads `--answers FILE`: a JSON or YAML object of answers, or a project manifest holding them. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { safeParse, strictObject } from 'zod/mini';
import { describeIssues, FactoryError, PartialAnswersSchema, type PartialAnswers } from '@ai-factory/engine';

export function readAnswersFile(file: string): PartialAnswers {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FactoryError('invalid-answers', `Cannot read answers file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  let data: unknown;
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both.
    data = parseYaml(text);
  } catch (error) {
    throw new FactoryError('invalid-answers', `Answers file ${file} is not valid JSON or YAML: ${(error as Error).message}`);
  }
  const isManifest = typeof data === 'object' && data !== null && 'manifestVersion' in data && 'answers' in data;
  const answers = isManifest ? (data as { answers: unknown }).answers : data;
  // Strict here, not in the engine: a file's unknown key is a typo to report, a preset's is not ours to judge.
  const parsed = safeParse(strictObject(PartialAnswersSchema.shape), answers);
  if (!parsed.success) {
    throw new FactoryError('invalid-answers', `Answers file ${file} is invalid:\n${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}
