import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'serving/online-fastapi',
  version: '1.3.0',
  summary: 'Online predictions over HTTP with FastAPI: /predict, /health, /drift and Prometheus /metrics with drift gauges.',
  description:
    'The service validates each request against the feature schema (422 on bad input), serves the registry ' +
    'champion, exports request, latency, error, prediction, per-feature and prediction drift and gate-score ' +
    'metrics, and reports drift of its recent requests at /drift (tests with PSI, or too little data to judge).',
  provides: ['serving:online'],
  when: { serving: ['online'] },
  files: [{ include: '**', owner: 'template' }],
});
