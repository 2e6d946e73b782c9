import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'serving/batch',
  version: '1.0.0',
  summary: 'Batch scoring: validate a CSV of rows and write predictions with the registry champion.',
  provides: ['serving:batch'],
  when: { serving: ['batch'] },
  files: [{ include: '**', owner: 'template' }],
});
