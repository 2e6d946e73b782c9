import { describe, expect, it } from 'vitest';
import { mergeImportSets } from './import-sets.js';

const SHARED = "from '@ai-factory/shared';";
const base = `import { defineMlProject, cpu, slo } ${SHARED}\n\nexport default defineMlProject({ training: cpu(), slo: slo() });\n`;
const theirs = `import { defineMlProject, cpu, slo, gate } ${SHARED}\n\nexport default defineMlProject({ training: cpu(), slo: slo(), gate: gate() });\n`;

describe('mergeImportSets', () => {
  it('gives every version the new import when the team left the declaration alone', () => {
    const ours = `// Owned by the growth team.\n${base}`;
    const merged = mergeImportSets({ base, ours, theirs });
    expect(merged.ours).toBe(`// Owned by the growth team.\n${theirs.split('\n')[0]}\n${base.slice(base.indexOf('\n') + 1)}`);
    expect(merged.base.split('\n')[0]).toBe(theirs.split('\n')[0]);
    expect(merged.theirs).toBe(theirs);
  });

  it('merges the names when both sides changed them: the team\'s kept, the new ones added, the dropped ones gone', () => {
    const ours = base.replace('cpu, slo }', 'cpu, slo, type CpuOptions }');
    const next = theirs.replace('cpu, slo, gate', 'cpu, gate');
    const merged = mergeImportSets({ base, ours, theirs: next });
    const line = `import { defineMlProject, cpu, type CpuOptions, gate } ${SHARED}`;
    expect([merged.base, merged.ours, merged.theirs].map((text) => text.split('\n')[0])).toEqual([line, line, line]);
  });

  it('keeps the team\'s multi-line layout', () => {
    const ours = base.replace('{ defineMlProject, cpu, slo }', '{\n    defineMlProject,\n    cpu,\n    slo,\n    type CpuOptions,\n}');
    expect(mergeImportSets({ base, ours, theirs }).ours).toContain('{\n    defineMlProject,\n    cpu,\n    slo,\n    type CpuOptions,\n    gate,\n}');
  });

  it('touches only the first import of a module: a second one the team added stays as written', () => {
    const ours = base.replace(`${SHARED}\n`, `${SHARED}\nimport { cpu as compute } ${SHARED}\n`);
    const merged = mergeImportSets({ base, ours, theirs });
    expect(merged.ours.split('\n').slice(0, 2)).toEqual([theirs.split('\n')[0], `import { cpu as compute } ${SHARED}`]);
  });

  it('leaves every version as it is when the new version imports the same, or a declaration is not plain', () => {
    const ours = `// edit\n${base}`;
    expect(mergeImportSets({ base, ours, theirs: base.replace('cpu()', 'cpu({})') })).toEqual({ base, ours, theirs: base.replace('cpu()', 'cpu({})') });
    const odd = base.replace('{ defineMlProject, cpu, slo }', '{ defineMlProject, /* why */ cpu, slo }');
    expect(mergeImportSets({ base: odd, ours: `// edit\n${odd}`, theirs })).toEqual({ base: odd, ours: `// edit\n${odd}`, theirs });
  });
});
