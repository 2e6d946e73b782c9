import { definePreset } from '@ai-factory/engine';
import { PRESET_PERSONAS, PLATFORM_MODULES, SERVING_MODULES, TABULAR_PYTORCH, THREE_ENVIRONMENTS } from './_modules.js';

export default definePreset({
  id: 'k8s-gpu-pytorch',
  summary: 'Tabular model on Kubernetes: PyTorch trained with DDP on GPUs, GitHub Actions, online serving.',
  description:
    'The reference architecture for a PyTorch model on tabular data, trained on a GPU node (one process per GPU ' +
    'under torchrun, or a PyTorchJob across nodes) and served online behind an HTTP endpoint, on Kubernetes with ' +
    'GitHub Actions. With --gpu none the same model trains on CPU.',
  modules: [...PLATFORM_MODULES, ...TABULAR_PYTORCH, ...SERVING_MODULES],
  answers: {
    cloud: 'kubernetes',
    cicd: 'github-actions',
    framework: 'pytorch',
    serving: 'online',
    gpu: { sku: 'a100-80gb', count: 4 },
    environments: THREE_ENVIRONMENTS,
    monitoring: true,
    personas: [...PRESET_PERSONAS],
  },
});
