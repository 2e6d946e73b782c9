import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'serving/batch',
  version: '1.0.0',
  summary: 'Batch scoring: validate a CSV of rows, write predictions with the registry champion and a drift report of the batch.',
  provides: ['serving:batch'],
  when: { serving: ['batch'] },
  files: [{ include: '**', owner: 'template' }],
});
