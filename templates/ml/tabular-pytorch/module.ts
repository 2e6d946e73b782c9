import { defineModule } from '@ai-factory/engine';

export default defineModule({
  id: 'ml/tabular-pytorch',
  version: '1.1.1',
  summary: 'The PyTorch model for ml/tabular-core: a small deterministic MLP with early stopping, trained with DDP under torchrun.',
  description:
    'Adds src/<package>/model.py, the framework interface ml/tabular-core trains, evaluates and serves through, ' +
    'and distributed.py, which joins the processes torchrun, a Kubeflow PyTorchJob, Azure ML or SageMaker start ' +
    '(nccl on GPUs, gloo on CPUs) when WORLD_SIZE > 1. Training stops early on the validation loss and logs each ' +
    'epoch\'s training and validation loss. Weights are saved as a state dict and loaded with ' +
    'weights_only, so a saved model is plain tensors, not a pickle.',
  requires: ['ml/tabular-core'],
  provides: ['framework:pytorch', 'compute:cpu', 'compute:gpu'],
  when: { framework: ['pytorch'] },
  files: [{ include: '**', owner: 'template' }],
});
