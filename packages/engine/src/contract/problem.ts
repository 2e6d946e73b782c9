/** What the module contract check reports. */

/** The check a problem comes from, so the report groups them and CI output stays stable. */
export type ContractCheck = 'definition' | 'files' | 'render' | 'escaping' | 'docs' | 'tests' | 'source';

export interface ContractProblem {
  check: ContractCheck;
  message: string;
  /** Path relative to the module folder, e.g. `files/infra/main.tf.hbs`. */
  file?: string;
  line?: number;
}

export interface ContractReport {
  /** Module id, or the folder when the definition could not be read. */
  module: string;
  dir: string;
  problems: ContractProblem[];
}

/** `files/a.yaml.hbs:3: [escaping] unescaped …` */
export function formatProblem(problem: ContractProblem): string {
  const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}: ` : '';
  return `${where}[${problem.check}] ${problem.message}`;
}
