import { Node, type CallExpression, type PropertyAccessExpression, type PropertyAssignment } from 'ts-morph';
import { defineCodemod } from '../codemod.js';
import { commentsIn, describeCheck, objectLayout, printObject, renamedText, staticKey, unwrap, withoutComments, type ObjectLayout, type Segment } from '../object-literal.js';
import { CodemodProblem } from '../problem.js';
import { builderUses, refuse, replaceImport } from '../shared-imports.js';
import { TextEdits } from '../text-edits.js';

const SLO_OPTIONS = new Set(['latencyP95Ms', 'errorRatePercent']);
const DRIFT_OPTIONS = new Map([
  ['driftWarningPsi', 'warning'],
  ['driftCriticalPsi', 'critical'],
]);
const BY_HAND = 'split it by hand into `slo: slo({ latencyP95Ms, errorRatePercent })`, `drift: drift({ warning, critical })` and `monitoring: <enabled>`';

/** The whitespace its line starts with: the lines a property is split into line up with it. */
const lineIndentation = (node: Node) => /^[ \t]*/.exec(node.getSourceFile().getFullText().slice(node.getStartLinePos(), node.getStart()))![0];

/** The `monitoring: monitoring({...})` property a call is the value of; anything else is split by hand. */
function propertyOf(call: CallExpression): PropertyAssignment {
  const property = call.getParent();
  if (Node.isPropertyAssignment(property) && property.getInitializer() === call && staticKey(property) === 'monitoring') return property;
  throw new CodemodProblem(call, `monitoring() is split into properties of the project declaration, and this call is not written as \`monitoring: monitoring({...})\` inside it; ${BY_HAND}`);
}

/** The options object, or undefined for `monitoring()`. */
function optionsOf(call: CallExpression): ObjectLayout | undefined {
  const [argument] = call.getArguments();
  if (!argument) return undefined;
  const { inner, checks } = unwrap(argument);
  if (checks.length > 0) throw new CodemodProblem(argument, `the monitoring() options are checked with \`${describeCheck(checks[0]!)}\`, which has no 2.x counterpart; drop it, then run the upgrade again`);
  if (!Node.isObjectLiteralExpression(inner)) throw new CodemodProblem(call, `${call.getText()}: its options are built elsewhere; write them inline, or ${BY_HAND}`);
  return objectLayout(inner);
}

/** `slo(...)` or `drift(...)`: empty when there is nothing to say, else the object laid out as the original. */
function builderCall(builder: string, segments: Segment[], layout: ObjectLayout | undefined, close: string): string {
  if (!layout || (segments.length === 0 && commentsIn(close, 0, close.length).length === 0)) return `${builder}()`;
  return `${builder}(${printObject(segments, layout.trailingComma, close)})`;
}

/** The properties that replace `monitoring: monitoring({...})`, one per line, every comment kept. */
function replacement(property: PropertyAssignment, call: CallExpression): string {
  const layout = optionsOf(call);
  const slo: Segment[] = [];
  const drift: Segment[] = [];
  let enabled: Segment | undefined;
  for (const segment of layout?.segments ?? []) {
    const key = staticKey(segment.property);
    const isValue = Node.isPropertyAssignment(segment.property) || Node.isShorthandPropertyAssignment(segment.property);
    if (key === undefined || !isValue) throw new CodemodProblem(segment.property, `${segment.property.getText()} in monitoring(): the codemod cannot tell which option it sets; ${BY_HAND}`);
    if (SLO_OPTIONS.has(key)) slo.push(segment);
    else if (DRIFT_OPTIONS.has(key)) drift.push({ ...segment, text: renamedText(segment.property, DRIFT_OPTIONS.get(key)!) });
    else if (key === 'enabled') enabled = segment;
    else throw new CodemodProblem(segment.property, `${segment.property.getText()} in monitoring(): not an option of shared 1.x the codemod knows; ${BY_HAND}`);
  }
  const text = property.getSourceFile().getFullText();
  const namespace = Node.isPropertyAccessExpression(call.getExpression()) ? `${(call.getExpression() as PropertyAccessExpression).getExpression().getText()}.` : '';
  const close = layout?.close ?? '';
  // Comments between the key and the options (`monitoring: /* why */ monitoring(...)`) go above the new lines.
  const argument = call.getArguments()[0];
  const outer = argument ? [...commentsIn(text, property.getStart(), argument.getStart()), ...commentsIn(text, argument.getEnd(), property.getEnd())] : commentsIn(text, property.getStart(), property.getEnd());
  const lines = [
    { comments: outer, text: `slo: ${namespace}${builderCall('slo', slo, layout, withoutComments(close))}` },
    { comments: [], text: `drift: ${namespace}${builderCall('drift', drift, layout, close)}` },
  ];
  if (enabled) {
    const value = Node.isShorthandPropertyAssignment(enabled.property) ? enabled.property.getName() : (enabled.property as PropertyAssignment).getInitializerOrThrow().getText();
    const comments = [enabled.lead, enabled.trail].flatMap((trivia) => commentsIn(trivia, 0, trivia.length));
    // `enabled: true` is the default; it stays written only to keep a comment on it.
    if (value !== 'true' || comments.length > 0) lines.push({ comments, text: `monitoring: ${value}` });
  }
  const indent = `\n${lineIndentation(property)}`;
  return lines.map((line) => [...line.comments, line.text].join(indent)).join(`,${indent}`);
}

export default defineCodemod({
  name: 'split-monitoring',
  description:
    'monitoring({ latencyP95Ms, errorRatePercent, driftWarningPsi, driftCriticalPsi, enabled }) is split into ' +
    'slo({ latencyP95Ms, errorRatePercent }), drift({ warning, critical }) and a plain monitoring: false.',
  introducedIn: '2.0.0',
  idempotent: true,
  transform: (file) => {
    const uses = builderUses(file, 'monitoring');
    refuse([...uses.escapes, ...uses.references], 'monitoring()', BY_HAND);
    // Analyse every call first, then edit in one go.
    const rewrites = uses.calls.map((call) => {
      const property = propertyOf(call);
      return { property, text: replacement(property, call) };
    });
    const edits = new TextEdits();
    for (const { property, text } of rewrites) edits.replace(property, text);
    // An import of monitoring that nothing calls goes: 2.x has no such export.
    replaceImport(file, 'monitoring', rewrites.length > 0 ? ['slo', 'drift'] : [], edits);
    return edits.apply(file);
  },
});
