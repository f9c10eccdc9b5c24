/** The argument type of metric cells ("$1M", "<200ms", "5x/day", "N/A" or a number), shared by the metric functions. */
import { MISMATCH, type ArgType, type Mismatch } from '../core/args';
import { showValue } from '../core/values';
import { ACCEPTED_FORMS, isNotAvailable, parseMetric } from '../metrics/value';
import { type MetricValue, type NotAvailable } from '../metrics/units';

/** A metric cell as read: the parsed value and how the cell was shown, for messages. */
export type ReadMetric = (MetricValue & { shown: string }) | NotAvailable;

/** Numbers as they are; texts read by METRIC_VALUE's rules; "N/A" → not available. */
export const metricArg: ArgType<ReadMetric> = {
  expects: ACCEPTED_FORMS,
  docType: 'any',
  coerce(v) {
    if (typeof v !== 'string' && typeof v !== 'number') return MISMATCH;
    // A cell repeated against a range (a target such as "<200ms") or a repeated text is read once, not once per row.
    const known = readCache.get(v);
    if (known) return known;
    const p = parseMetric(v);
    const result: ReadMetric | Mismatch =
      p === undefined ? MISMATCH : isNotAvailable(p) ? p : Object.assign(p, { shown: showValue(v) });
    if (readCache.size >= READ_CACHE_SIZE) readCache.clear();
    readCache.set(v, result);
    return result;
  },
};

/** Recently read metric cells (results are never modified, so sharing them is safe); bounded. */
const READ_CACHE_SIZE = 1024;
const readCache = new Map<string | number, ReadMetric | Mismatch>();
