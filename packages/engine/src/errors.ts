/** What went wrong, as a stable code that tests and `--json` output can rely on. */
export type FactoryErrorCode =
  | 'invalid-name'
  | 'invalid-answers'
  | 'unknown-preset'
  | 'incompatible'
  | 'missing-answers'
  | 'invalid-target'
  | 'invalid-module'
  | 'unknown-module'
  | 'not-ejectable'
  | 'render'
  | 'invalid-source'
  | 'install-failed'
  | 'io'
  /** Wrong command-line arguments: the CLIs exit 2 for it. */
  | 'usage';

/** The code of a failure as `--json` output reports it: a user's mistake (a `FactoryErrorCode`) or a bug. */
export type FailureCode = FactoryErrorCode | 'internal';

/** An error meant for the user: a message, and a hint saying what to do about it. */
export class FactoryError extends Error {
  constructor(
    readonly code: FactoryErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'FactoryError';
  }
}
