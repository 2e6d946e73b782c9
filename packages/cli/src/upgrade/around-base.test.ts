import { describe, expect, it } from 'vitest';
import { mergeAroundBase } from './around-base.js';

const b = (text: string) => Buffer.from(text);
const base = b('# Demo\n\nNo traffic: not scraped.\n');
const theirs = b('# Demo\n\nNo traffic: not scraped, or not pushing.\nDrift unknown: no PSI.\n');

describe('mergeAroundBase', () => {
  it('puts the lines the team appended after the new version', () => {
    const ours = Buffer.concat([base, b('\n## Our runbook\n')]);
    expect(mergeAroundBase({ base, ours, theirs })?.toString()).toBe(`${theirs.toString()}\n## Our runbook\n`);
  });

  it('puts the lines the team added on top before it, and both at once', () => {
    const ours = Buffer.concat([b('<!-- owned by growth -->\n'), base, b('end\n')]);
    expect(mergeAroundBase({ base, ours, theirs })?.toString()).toBe(`<!-- owned by growth -->\n${theirs.toString()}end\n`);
  });

  it('leaves every other edit to the line merge', () => {
    expect(mergeAroundBase({ base, ours: b('# Demo\n\nNo traffic: ours.\n'), theirs })).toBeUndefined();
    expect(mergeAroundBase({ base, ours: base, theirs })).toBeUndefined();
    // Text run into the factory's first line is no whole line of its own.
    expect(mergeAroundBase({ base, ours: Buffer.concat([b('x'), base]), theirs })).toBeUndefined();
  });

  it('does not join the team\'s lines to a new version without a final newline', () => {
    expect(mergeAroundBase({ base, ours: Buffer.concat([base, b('team\n')]), theirs: b('# Demo') })).toBeUndefined();
  });
});
