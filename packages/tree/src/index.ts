export * from './tree.js';
export * from './flush.js';
export { flushChanges, readDirectory } from './directory.js';
export * from './dry-run.js';
export * from './manifest.js';
