import { describe, expect, it } from 'vitest';
import { checkProjectName, projectNameProblem, pythonPackageName, suggestProjectName } from './project-name.js';

describe('project names', () => {
  it('accepts lowercase slugs and derives the Python package', () => {
    expect(projectNameProblem('churn-model')).toBeUndefined();
    expect(pythonPackageName('churn-model-2')).toBe('churn_model_2');
  });

  it.each([
    ['', /empty/],
    ['My-Project', /lowercase/],
    ['my project', /only contain/],
    ['-churn', /start or end/],
    ['a--b', /contain "--"/],
    ['x'.repeat(33), /longer than 32/],
    ['node_modules', /only contain/],
    ['2fast', /cannot start with a digit/],
    ['class', /Python keyword or shadows/],
    ['json', /Python keyword or shadows/],
    ['sklearn', /Python keyword or shadows/],
  ])('rejects %j, naming the rule', (name, rule) => {
    expect(projectNameProblem(name)).toMatch(rule);
  });

  it.each(['My Project!', '2fast', 'class', 'Ünïcode Name', '', '---', 'json'])('suggests a valid name for %j', (input) => {
    const suggestion = suggestProjectName(input);
    expect(projectNameProblem(suggestion)).toBeUndefined();
  });

  it('throws with the rule and a suggestion', () => {
    expect(() => checkProjectName('My Project')).toThrow(/Invalid project name "My Project": the name must be lowercase/);
    try {
      checkProjectName('My Project');
    } catch (error) {
      expect((error as { hint: string }).hint).toContain('"my-project"');
    }
  });
});
