/**
 * Small statistics for the bench: latency percentiles over repeated calls and the product/baseline ratio.
 * Percentiles use the nearest-rank method, so p95 of 20 samples is the 19th, never an interpolated value.
 */

export interface LatencySummary {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) throw new Error('percentile of no samples');
  const rank = Math.ceil((p / 100) * sortedMs.length);
  return sortedMs[Math.min(sortedMs.length, Math.max(1, rank)) - 1]!;
}

export function summarise(durationsMs: readonly number[]): LatencySummary {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, d) => sum + d, 0) / sorted.length;
  return {
    samples: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    meanMs: round(mean),
  };
}

/** product / baseline, rounded; null when the baseline is zero (nothing to compare against). */
export function ratio(product: number, baseline: number): number | null {
  return baseline > 0 ? round(product / baseline) : null;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Runs `call` `warmup` times unmeasured, then `repeats` times one after another, timing each. */
export async function timeRepeated<T>(
  call: () => Promise<T>,
  repeats: number,
  warmup = 2,
): Promise<{ latency: LatencySummary; last: T }> {
  let last: T | undefined;
  for (let i = 0; i < warmup; i += 1) last = await call();
  const durations: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const started = performance.now();
    last = await call();
    durations.push(performance.now() - started);
  }
  return { latency: summarise(durations), last: last as T };
}
