import { describe, expect, it } from 'vitest';
import { personaCapabilities } from '../rbac/capabilities.js';
import { defaultAccess } from './access.js';
import { PERSONAS } from './common.js';

const ENVIRONMENTS = ['dev', 'staging', 'prod'];

describe('defaultAccess', () => {
  it('gives every persona read in production and nobody more', () => {
    const matrix = defaultAccess(PERSONAS, ENVIRONMENTS);
    for (const persona of PERSONAS) expect(matrix[persona]!.prod, persona).toBe('read');
  });

  it('lets domain experts read everywhere and AI engineers build in the first environment', () => {
    const matrix = defaultAccess(['domain-expert', 'ai-engineer'], ENVIRONMENTS);
    expect(matrix).toEqual({
      'domain-expert': { dev: 'read', staging: 'read', prod: 'read' },
      'ai-engineer': { dev: 'write', staging: 'read', prod: 'read' },
    });
  });
});

describe('what the domain expert and the AI engineer may do', () => {
  it('never lets a domain expert run jobs, register models or deploy, at any level', () => {
    for (const level of ['read', 'write', 'admin'] as const) {
      expect(personaCapabilities('domain-expert', level, false).filter((c) => ['run-jobs', 'register-models', 'deploy', 'manage-compute'].includes(c))).toEqual([]);
    }
    expect(personaCapabilities('domain-expert', 'write', false)).toEqual(['observe', 'read-data', 'write-data']);
  });

  it('lets an AI engineer deploy below production only, and never register models', () => {
    expect(personaCapabilities('ai-engineer', 'write', false)).toEqual(['observe', 'read-data', 'run-jobs', 'deploy']);
    expect(personaCapabilities('ai-engineer', 'admin', true)).toEqual(['observe', 'read-data', 'run-jobs']);
  });
});
