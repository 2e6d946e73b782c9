import { Node } from 'ts-morph';
import { defineCodemod } from '../codemod.js';
import { keyRename, staticKey, unwrap } from '../object-literal.js';
import { CodemodProblem } from '../problem.js';
import { builderUses, refuse } from '../shared-imports.js';
import { TextEdits } from '../text-edits.js';

const BY_HAND = 'rename its `cores` option to `vcpus` by hand';

export default defineCodemod({
  name: 'cpu-cores-to-vcpus',
  description: 'cpu({ cores }) is now cpu({ vcpus }), the unit every cloud prices by.',
  introducedIn: '2.0.0',
  idempotent: true,
  transform: (file) => {
    const uses = builderUses(file, 'cpu');
    refuse([...uses.escapes, ...uses.references], 'cpu()', `call it with its options written inline, or ${BY_HAND}`);
    const edits = new TextEdits();
    for (const call of uses.calls) {
      const [argument] = call.getArguments();
      if (!argument) continue;
      // `satisfies CpuOptions` and `as const` check the options; the name inside is what changes.
      const options = unwrap(argument).inner;
      if (!Node.isObjectLiteralExpression(options)) throw new CodemodProblem(call, `${call.getText()}: its options are built elsewhere; write them inline, or ${BY_HAND} where they are built`);
      for (const property of options.getProperties()) {
        const key = staticKey(property);
        if (key === undefined) throw new CodemodProblem(property, `${property.getText()} in cpu(): the codemod cannot tell whether it sets \`cores\`; ${BY_HAND}`);
        if (key !== 'cores') continue;
        const { start, end, text } = keyRename(property, 'vcpus');
        edits.replaceRange(start, end, text);
      }
    }
    return edits.apply(file);
  },
});
