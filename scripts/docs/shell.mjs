/** Quotes a word for a POSIX shell only when it needs it, so example commands stay readable. */
export function shellWord(word) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
