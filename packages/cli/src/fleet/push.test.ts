import { describe, expect, it } from 'vitest';
import { PushQueue } from './push.js';

describe('push limits', () => {
  it('never runs more than `concurrency` tasks at once and spaces their starts by `intervalMs`', async () => {
    const queue = new PushQueue({ concurrency: 2, intervalMs: 40 });
    let inFlight = 0;
    let peak = 0;
    const starts: number[] = [];
    // Tasks far longer than the interval, so the concurrency bound (not the pause) is what holds them back.
    const task = () => async () => {
      starts.push(performance.now());
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 150));
      inFlight -= 1;
    };
    await Promise.all(Array.from({ length: 6 }, () => queue.add(task())));
    expect(peak).toBe(2);
    expect(starts).toHaveLength(6);
    for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(40);
    // Six 150 ms tasks two at a time take three rounds.
    expect(starts[5]! - starts[0]!).toBeGreaterThanOrEqual(300);
  });

  it('passes a task\'s failure to its caller and keeps going', async () => {
    const queue = new PushQueue({ concurrency: 1, intervalMs: 0 });
    const failed = queue.add(() => Promise.reject(new Error('rate limited')));
    const next = queue.add(() => Promise.resolve('pushed'));
    await expect(failed).rejects.toThrow('rate limited');
    await expect(next).resolves.toBe('pushed');
  });
});
