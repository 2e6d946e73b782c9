import { Node } from 'ts-morph';
import { defineCodemod } from '../codemod.js';
import { builderCalls } from '../shared-imports.js';
import { TextEdits } from '../text-edits.js';

export default defineCodemod({
  name: 'cpu-cores-to-vcpus',
  description: 'cpu({ cores }) is now cpu({ vcpus }), the unit every cloud prices by.',
  introducedIn: '2.0.0',
  idempotent: true,
  transform: (file) => {
    const names = builderCalls(file, 'cpu')
      .map((call) => call.getArguments()[0])
      .filter(Node.isObjectLiteralExpression)
      .map((options) => options.getProperty('cores'))
      .filter(Node.isPropertyAssignment);
    const edits = new TextEdits();
    for (const name of names) edits.replace(name.getNameNode(), 'vcpus');
    return edits.apply(file);
  },
});
