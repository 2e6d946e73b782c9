export * from './tree.js';
export * from './flush.js';
export * from './git.js';
export * from './git-objects.js';
export { packObjects, type Pack } from './git-pack.js';
export { flushChanges, readDirectory } from './directory.js';
export * from './dry-run.js';
export * from './manifest.js';
