import { Node, type CallExpression, type ObjectLiteralExpression } from 'ts-morph';
import { defineCodemod } from '../codemod.js';
import { builderCalls, replaceImport } from '../shared-imports.js';
import { TextEdits } from '../text-edits.js';

/** `gpu({ sku: 'a10', count: 2 })` → `accelerator('a10', { count: 2 })`, when the options are written inline. */
function rewrite(call: CallExpression, options: ObjectLiteralExpression): string | undefined {
  const sku = options.getProperty('sku');
  if (!Node.isPropertyAssignment(sku)) return undefined;
  const rest = options.getProperties().filter((property) => property !== sku).map((property) => property.getText());
  const skuText = sku.getInitializerOrThrow().getText();
  return `${call.getExpression().getText() === 'gpu' ? 'accelerator' : call.getExpression().getText()}(${skuText}${rest.length ? `, { ${rest.join(', ')} }` : ''})`;
}

export default defineCodemod({
  name: 'gpu-to-accelerator',
  description: 'gpu({ sku, count, nodes }) is now accelerator(sku, { count, nodes }); options built elsewhere are left for the compiler to point at.',
  introducedIn: '2.0.0',
  idempotent: true,
  transform: (file) => {
    const calls = builderCalls(file, 'gpu')
      .map((call) => ({ call, options: call.getArguments()[0] }))
      .filter((edit): edit is { call: CallExpression; options: ObjectLiteralExpression } => Node.isObjectLiteralExpression(edit.options))
      .map(({ call, options }) => ({ call, text: rewrite(call, options) }))
      .filter((edit): edit is { call: CallExpression; text: string } => edit.text !== undefined);
    const edits = new TextEdits();
    for (const { call, text } of calls) edits.replace(call, text);
    replaceImport(file, 'gpu', ['accelerator'], edits);
    return edits.apply(file);
  },
});
