import { defineCodemod } from '../codemod.js';
import { replaceImport } from '../shared-imports.js';

export default defineCodemod({
  name: 'rename-define-project',
  description: 'defineProject() is now defineMlProject(): the import and every call are renamed.',
  introducedIn: '2.0.0',
  idempotent: true,
  transform: (file) => replaceImport(file, 'defineProject', ['defineMlProject']),
});
