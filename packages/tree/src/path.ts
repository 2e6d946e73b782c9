/** Paths in a tree are POSIX and relative to its root: nothing a flush could write outside the target. */

/** Throws for an absolute path or one with empty, `.` or `..` segments. */
export function checkPath(path: string): string {
  if (path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '' || part === '.')) {
    throw new Error(`Refusing a path outside the tree: ${JSON.stringify(path)}`);
  }
  return path;
}

/** Code-unit order, the order git sorts paths in, so every listing and flush is deterministic. */
export const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
