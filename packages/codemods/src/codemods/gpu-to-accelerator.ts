import { Node, type CallExpression } from 'ts-morph';
import { defineCodemod } from '../codemod.js';
import { commentsIn, describeCheck, objectLayout, printObject, staticKey, unwrap, type Segment } from '../object-literal.js';
import { CodemodProblem } from '../problem.js';
import { builderUses, refuse, replaceImport } from '../shared-imports.js';
import { TextEdits } from '../text-edits.js';

const OPTIONS = new Set(['sku', 'count', 'nodes']);
const BY_HAND = 'rewrite it by hand as accelerator(sku, { count, nodes })';

/** A comment that can sit inside an argument list: line comments become block comments. */
function inline(comment: string, at: Node): string {
  if (!comment.startsWith('//')) return comment;
  const body = comment.slice(2).trim();
  if (body.includes('*/')) throw new CodemodProblem(at, `the comment "${comment}" cannot move next to the sku; move it, then run the upgrade again`);
  return `/* ${body} */`;
}

/** The sku as the first argument, carrying the comments its property had. */
function skuArgument(sku: Segment): string {
  const property = sku.property;
  const value = Node.isShorthandPropertyAssignment(property) ? property.getName() : Node.isPropertyAssignment(property) ? property.getInitializerOrThrow() : undefined;
  if (value === undefined) throw new CodemodProblem(property, `${property.getText()}: ${BY_HAND}`);
  const text = property.getSourceFile().getFullText();
  const valueText = typeof value === 'string' ? value : value.getText();
  const inside = typeof value === 'string' ? [] : commentsIn(text, property.getStart(), value.getStart());
  const comments = [...commentsIn(sku.lead, 0, sku.lead.length), ...inside, ...commentsIn(sku.trail, 0, sku.trail.length)].map((comment) => inline(comment, property));
  return [valueText, ...comments].join(' ');
}

/** `gpu({ sku: 'a10', count: 2 })` → `accelerator('a10', { count: 2 })`: the new arguments, comments kept. */
function newArguments(call: CallExpression): string {
  const [argument] = call.getArguments();
  if (!argument) throw new CodemodProblem(call, `gpu() without options has no sku; ${BY_HAND}`);
  const { inner, checks } = unwrap(argument);
  if (checks.length > 0) throw new CodemodProblem(argument, `the gpu() options are checked with \`${describeCheck(checks[0]!)}\`, which has no 2.x counterpart; drop it, then run the upgrade again`);
  if (!Node.isObjectLiteralExpression(inner)) throw new CodemodProblem(call, `${call.getText()}: its options are built elsewhere; write them inline, or ${BY_HAND}`);
  const layout = objectLayout(inner);
  for (const { property } of layout.segments) {
    const key = staticKey(property);
    if (key === undefined || !OPTIONS.has(key)) throw new CodemodProblem(property, `${property.getText()} in gpu(): not an option the codemod knows (sku, count, nodes); ${BY_HAND}`);
  }
  const sku = layout.segments.find(({ property }) => staticKey(property) === 'sku');
  if (!sku) throw new CodemodProblem(call, `${call.getText()} has no sku written inline; ${BY_HAND}`);
  const rest = layout.segments.filter((segment) => segment !== sku);
  const hasComments = commentsIn(layout.close, 0, layout.close.length).length > 0;
  return rest.length > 0 || hasComments ? `${skuArgument(sku)}, ${printObject(rest, layout.trailingComma, layout.close)}` : skuArgument(sku);
}

export default defineCodemod({
  name: 'gpu-to-accelerator',
  description: 'gpu({ sku, count, nodes }) is now accelerator(sku, { count, nodes }).',
  introducedIn: '2.0.0',
  idempotent: true,
  transform: (file) => {
    const uses = builderUses(file, 'gpu');
    refuse([...uses.escapes, ...uses.references], 'gpu()', `call it with its options written inline, or ${BY_HAND}`);
    const rewrites = uses.calls.map((call) => ({ argument: call.getArguments()[0]!, text: newArguments(call) }));
    const edits = new TextEdits();
    for (const { argument, text } of rewrites) edits.replaceRange(argument.getStart(), argument.getEnd(), text);
    replaceImport(file, 'gpu', ['accelerator'], edits);
    return edits.apply(file);
  },
});
