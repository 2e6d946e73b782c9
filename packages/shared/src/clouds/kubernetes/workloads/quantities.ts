/**
 * Kubernetes resource quantities as numbers, for the quota arithmetic: CPU in cores (`2`, `100m`) and
 * memory in GiB (`8Gi`, `128Mi`, `1G`). Only the suffixes the factory writes or a LimitRange commonly
 * holds are understood; anything else throws rather than being miscounted.
 */

const MEMORY_SUFFIX_BYTES: Record<string, number> = {
  '': 1,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
};

function split(quantity: string): [number, string] {
  const match = /^([0-9]+(?:\.[0-9]+)?)([A-Za-z]*)$/.exec(quantity);
  if (!match) throw new Error(`"${quantity}" is not a Kubernetes quantity`);
  return [Number(match[1]), match[2]!];
}

/** Cores of a CPU quantity. */
export function cpuCores(quantity: string): number {
  const [value, suffix] = split(quantity);
  if (suffix === '') return value;
  if (suffix === 'm') return value / 1000;
  throw new Error(`"${quantity}" is not a CPU quantity`);
}

/** GiB of a memory quantity. */
export function memoryGi(quantity: string): number {
  const [value, suffix] = split(quantity);
  const bytes = MEMORY_SUFFIX_BYTES[suffix];
  if (bytes === undefined) throw new Error(`"${quantity}" is not a memory quantity`);
  return (value * bytes) / 2 ** 30;
}
