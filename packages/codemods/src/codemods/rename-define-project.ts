import { defineCodemod } from '../codemod.js';
import { builderUses, refuse, replaceImport } from '../shared-imports.js';
import { TextEdits } from '../text-edits.js';

export default defineCodemod({
  name: 'rename-define-project',
  description: 'defineProject() is now defineMlProject(): the import and every call and reference are renamed.',
  introducedIn: '2.0.0',
  idempotent: true,
  transform: (file) => {
    // References are renamed with the import; a re-export or an escaped namespace hides where it is used.
    refuse(builderUses(file, 'defineProject').escapes, 'defineProject()', 'rename it to defineMlProject by hand wherever it is used');
    const edits = new TextEdits();
    replaceImport(file, 'defineProject', ['defineMlProject'], edits);
    return edits.apply(file);
  },
});
