import { Node, type CallExpression, type PropertyAssignment } from 'ts-morph';
import { defineCodemod } from '../codemod.js';
import { builderCalls, replaceImport } from '../shared-imports.js';
import { TextEdits } from '../text-edits.js';

const SLO_OPTIONS = ['latencyP95Ms', 'errorRatePercent'];
const DRIFT_OPTIONS: Record<string, string> = { driftWarningPsi: 'warning', driftCriticalPsi: 'critical' };

/** The whitespace its line starts with: the lines a property is split into line up with it. */
const lineIndentation = (node: Node) => /^[ \t]*/.exec(node.getSourceFile().getFullText().slice(node.getStartLinePos(), node.getStart()))![0];

const call = (builder: string, properties: string[]) => `${builder}(${properties.length ? `{ ${properties.join(', ')} }` : ''})`;

/** The properties that replace `monitoring: monitoring({...})` in a project declaration. */
function replacement(monitoring: CallExpression): string[] | undefined {
  const options = monitoring.getArguments()[0];
  if (options !== undefined && !Node.isObjectLiteralExpression(options)) return undefined;
  const properties = (options?.getProperties() ?? []).filter(Node.isPropertyAssignment);
  if (properties.length !== (options?.getProperties().length ?? 0)) return undefined;
  const named = (names: string[]) => properties.filter((p) => names.includes(p.getName()));
  const slo = named(SLO_OPTIONS).map((p) => p.getText());
  const drift = named(Object.keys(DRIFT_OPTIONS)).map((p) => `${DRIFT_OPTIONS[p.getName()]}: ${p.getInitializerOrThrow().getText()}`);
  const enabled = named(['enabled'])[0]?.getInitializerOrThrow().getText();
  return [`slo: ${call('slo', slo)}`, `drift: ${call('drift', drift)}`, ...(enabled !== undefined && enabled !== 'true' ? [`monitoring: ${enabled}`] : [])];
}

export default defineCodemod({
  name: 'split-monitoring',
  description:
    'monitoring({ latencyP95Ms, errorRatePercent, driftWarningPsi, driftCriticalPsi, enabled }) is split into ' +
    'slo({ latencyP95Ms, errorRatePercent }), drift({ warning, critical }) and a plain monitoring: false.',
  introducedIn: '2.0.0',
  idempotent: true,
  transform: (file) => {
    // Analyse: every `monitoring: monitoring(...)` property written inline, with its replacement.
    const properties = builderCalls(file, 'monitoring')
      .map((monitoring) => ({ property: monitoring.getParent(), lines: replacement(monitoring) }))
      .filter((edit): edit is { property: PropertyAssignment; lines: string[] } => Node.isPropertyAssignment(edit.property) && edit.lines !== undefined);
    if (properties.length === 0) return false;
    // Then manipulate, in one go.
    const edits = new TextEdits();
    for (const { property, lines } of properties) edits.replace(property, lines.join(`,\n${lineIndentation(property)}`));
    replaceImport(file, 'monitoring', ['slo', 'drift'], edits);
    return edits.apply(file);
  },
});
