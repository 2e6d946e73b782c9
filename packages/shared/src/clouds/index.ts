/**
 * One adapter per cloud, each in its own folder (clouds/<cloud>/), behind the {@link CloudAdapter}
 * interface. The `Record<Cloud, CloudAdapter>` below is what makes the compiler check that every cloud
 * answers every question; code outside clouds/ looks a cloud's answers up here and never switches on it.
 */
import type { Cloud } from '../declaration/common.js';
import type { CloudAdapter } from './adapter.js';
import { aws } from './aws/index.js';
import { azure } from './azure/index.js';
import { gcp } from './gcp/index.js';
import { kubernetes } from './kubernetes/index.js';

export const CLOUD_ADAPTERS = { azure, aws, gcp, kubernetes } satisfies Record<Cloud, CloudAdapter>;

/** The adapter of a project's cloud. */
export const cloudAdapter = (cloud: Cloud): CloudAdapter => CLOUD_ADAPTERS[cloud];

/** The clouds whose CPU machines the factory chooses (a cluster's nodes are the cluster's). */
export type ManagedCloud = { [C in Cloud]: (typeof CLOUD_ADAPTERS)[C]['machines'] extends undefined ? never : C }[Cloud];
