/** Numeric options of the fleet commands, validated once, with the option named in the error. */
import { UsageError } from '../command.js';

/**
 * An integer option at least `min`; `fallback` when absent.
 * @example integerOption('concurrency', '4', 2, 1) // 4
 */
export function integerOption(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min) throw new UsageError(`--${name} must be an integer of at least ${min}, not "${value}".`);
  return number;
}
