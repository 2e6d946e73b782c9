import { defineCodemod } from '../codemod.js';
import { replaceImport } from '../shared-imports.js';
import { TextEdits } from '../text-edits.js';

export default defineCodemod({
  name: 'rename-define-project',
  description: 'defineProject() is now defineMlProject(): the import and every call are renamed.',
  introducedIn: '2.0.0',
  idempotent: true,
  transform: (file) => {
    const edits = new TextEdits();
    replaceImport(file, 'defineProject', ['defineMlProject'], edits);
    return edits.apply(file);
  },
});
