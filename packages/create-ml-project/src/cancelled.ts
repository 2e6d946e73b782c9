/** Thrown when the user presses Ctrl-C or Escape at a prompt. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}
