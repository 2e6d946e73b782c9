/** The GPU catalog: each logical GPU, the machine each cloud sells per GPU count, and its Kubernetes placement. */
import { code, lines, page, table, text } from '../markdown.mjs';
import { loadShared } from '../sources.mjs';

const SUMMARY = 'Logical GPUs and the machine types, counts and Kubernetes placement each maps to.';
const CLOUD_LABELS = { azure: 'Azure VM size', aws: 'AWS instance type', gcp: 'GCP machine type' };

/** `count × machine` lines of one cloud's offer of a GPU. */
function machineLines(shared, sku, cloud) {
  const offered = shared.offeredGpus(cloud).filter((entry) => entry.sku === sku);
  return offered.map(({ count }) => `${count} × ${code(shared.resolveGpu(sku, count, cloud).machineType)}`);
}

export function renderGpuPage(shared) {
  const { GPU_SKUS, GPU_MODELS } = shared;
  const overview = table(['GPU', '`--gpu`', 'memory', 'Kubernetes node selector'], GPU_SKUS.map((sku) => {
    const placement = shared.resolveGpu(sku, 1, 'kubernetes');
    const selector = Object.entries(placement.kubernetes.nodeSelector).map(([key, value]) => `${key}=${value}`);
    return [text(GPU_MODELS[sku].label), code(sku), `${GPU_MODELS[sku].memoryGb} GB`, code(selector.join(','))];
  }));
  const machines = table(['GPU', ...Object.values(CLOUD_LABELS), 'GCP accelerator'], GPU_SKUS.map((sku) => [
    code(sku),
    ...Object.keys(CLOUD_LABELS).map((cloud) => lines(machineLines(shared, sku, cloud))),
    GPU_MODELS[sku].gcp ? code(GPU_MODELS[sku].gcp.accelerator) : '—',
  ]));
  const k8sCounts = [...new Set(shared.offeredGpus('kubernetes').map((entry) => entry.count))];
  const example = shared.resolveGpu(GPU_SKUS[0], 1, 'kubernetes');
  return page({
    title: 'GPU catalog',
    description: SUMMARY,
    wide: true,
    body: [
      `A project asks for a logical GPU and a count per node, \`--gpu <sku>[:<count>]\` (for example \`--gpu ${GPU_SKUS.at(-2)}:4\`), and the factory maps it to what the project's cloud calls it. A combination a cloud does not sell is an error that lists the counts it does sell; the factory never picks a different machine for you.`,
      '## GPUs',
      overview,
      '## Machine types by cloud',
      'Each line is GPUs per node × the machine that holds them. A dash means the cloud offers no machine with that GPU.',
      machines,
      '## Kubernetes',
      `A cluster schedules any count from ${Math.min(...k8sCounts)} to ${Math.max(...k8sCounts)} GPUs of a model per node. Training pods get:`,
      table(['field', 'value'], [
        ['resources (requests and limits)', code(JSON.stringify(example.kubernetes.resources.limits).replace(/"1"/, '"<count>"'))],
        ['node selector', code('nvidia.com/gpu.product=<product label above>')],
        ['tolerations', lines(example.kubernetes.tolerations.map((t) => code(`${t.key} ${t.operator} ${t.effect}`)))],
        ['CUDA image', code(example.cudaImage)],
        ['PyTorch image', code(example.pytorchImage)],
        ['torchrun processes per node', 'one per GPU'],
      ]),
      'The node selector is the `nvidia.com/gpu.product` label that NVIDIA GPU feature discovery sets on GPU nodes.',
    ].join('\n\n'),
  });
}

export default {
  id: 'gpus',
  title: 'Platform',
  order: 30,
  async pages() {
    return [{ path: 'gpus', title: 'GPU catalog', summary: SUMMARY, markdown: renderGpuPage(await loadShared()) }];
  },
};
