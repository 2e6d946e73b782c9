export * from './tree.js';
export * from './flush.js';
export * from './git.js';
export { flushChanges, readDirectory } from './directory.js';
export * from './dry-run.js';
export * from './manifest.js';
