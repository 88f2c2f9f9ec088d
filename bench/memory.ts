/** Memory figures in MiB, as the report shows them, from a measured process's window of samples. */
import type { MemoryWindow } from './processes/measured-child.js';
import { round } from './stats.js';

export interface MemoryFigures {
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  heapUsedStartMb: number;
  heapUsedPeakMb: number;
  heapUsedEndMb: number;
  externalPeakMb: number;
}

const mb = (bytes: number) => round(bytes / (1024 * 1024), 1);

export function memoryFigures(window: MemoryWindow): MemoryFigures {
  return {
    rssStartMb: mb(window.start.rssBytes),
    rssPeakMb: mb(window.peak.rssBytes),
    rssEndMb: mb(window.end.rssBytes),
    heapUsedStartMb: mb(window.start.heapUsedBytes),
    heapUsedPeakMb: mb(window.peak.heapUsedBytes),
    heapUsedEndMb: mb(window.end.heapUsedBytes),
    externalPeakMb: mb(window.peak.externalBytes),
  };
}
