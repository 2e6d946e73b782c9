/**
 * What a codemod cannot migrate safely. A codemod throws a {@link CodemodProblem} at the construct; the
 * runner turns it into a {@link Problem} naming file:line, and the upgrade stops rather than leave the
 * construct half-migrated.
 */
import type { Node } from 'ts-morph';

export class CodemodProblem extends Error {
  /**
   * @param node where the construct starts
   * @param message what is there, and what to change by hand
   * @example throw new CodemodProblem(call, 'cpu(big): write the options inline, or rename cores to vcpus where big is built.')
   */
  constructor(
    readonly node: Node,
    message: string,
  ) {
    super(message);
  }
}

export interface Problem {
  path: string;
  /** 1-based, as editors show them. */
  line: number;
  column: number;
  /** The codemod that met the construct; absent for a problem of the file as a whole. */
  codemod?: string;
  message: string;
}

/** `path:line:column: codemod: message`, the way compilers print a diagnostic. */
export const formatProblem = (problem: Problem) => `${problem.path}:${problem.line}:${problem.column}: ${problem.codemod ? `${problem.codemod}: ` : ''}${problem.message}`;
