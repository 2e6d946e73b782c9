import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'serving/online-fastapi',
  version: '1.1.0',
  summary: 'Online predictions over HTTP with FastAPI: /predict, /health and Prometheus /metrics with drift gauges.',
  description:
    'The service validates each request against the feature schema (422 on bad input), serves the registry ' +
    'champion, and exports request, latency, error, prediction, per-feature drift and gate-score metrics.',
  provides: ['serving:online'],
  when: { serving: ['online'] },
  files: [{ include: '**', owner: 'template' }],
});
