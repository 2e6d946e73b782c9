import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCommand, parseCommandArgs, UsageError, type CommandDefinition, type ParsedOptions } from './command.js';

const options = {
  'dry-run': { type: 'boolean', description: 'Write nothing' },
  to: { type: 'string', value: '<version>', description: 'Target version' },
  files: { type: 'string', multiple: true, description: 'Globs' },
} as const;
const command: CommandDefinition<typeof options> = { name: 'probe', summary: 'Probe', usage: '', options, run: () => Promise.resolve(0) };

describe('options typed by the command table', () => {
  it('types a flag as a boolean, an option as a string and a repeatable option as a list', () => {
    expectTypeOf<ParsedOptions<typeof options>>().toEqualTypeOf<{ 'dry-run'?: boolean; to?: string; files?: string[] }>();
  });

  it('parses to those types, and refuses what the table does not name', () => {
    const parsed = parseCommandArgs(command, ['--dry-run', '--to', '2.0.0', '--files', 'a', '--files', 'b', 'repo']);
    expect(parsed).toEqual({ positionals: ['repo'], options: { 'dry-run': true, to: '2.0.0', files: ['a', 'b'] } });
    expect(() => parseCommandArgs(command, ['--colour'])).toThrow(UsageError);
  });

  it('keeps the typed view inside the command that declares it', () => {
    const defined = defineCommand({ ...command, run: ({ options: parsed }) => Promise.resolve(parsed['dry-run'] ? 1 : 0) });
    expect(defined.name).toBe('probe');
  });
});
