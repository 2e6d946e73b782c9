import { defaultAnswers } from '@ai-factory/engine';
import { describe, expect, it } from 'vitest';
import { validateObservability } from '../../../packages/shared/src/testing/validate-observability.js';
import { describeModule } from '../../module-testing.js';
import organisationModule, { ORGANISATION_DASHBOARD_PATH } from './module.js';

describeModule(import.meta.url);

describe('the organisation dashboard it generates', () => {
  it('is one managed dashboard that passes the observability checks', async () => {
    const files = organisationModule.generate!({ answers: { ...defaultAnswers('platform-observability'), preset: 'none' }, options: {}, factoryVersion: '0.0.0' });
    expect(files.map((file) => [file.path, file.owner])).toEqual([[ORGANISATION_DASHBOARD_PATH, 'managed']]);
    expect(await validateObservability(new Map(files.map((file) => [file.path, file.content.toString()])))).toEqual([]);
  });
});
