// Shared by the bench scripts: they only ever talk to this machine, and report in one format.
import { appendFileSync } from 'node:fs';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Refuses any URL whose host is not loopback (the benchmarks load a server hard and write to its database). */
export function assertLoopback(...urls) {
  for (const text of urls) {
    const host = new URL(text.replace(/^postgres(ql)?:/, 'http:')).hostname;
    if (!LOOPBACK.has(host)) {
      console.error(`refusing to benchmark ${host}: only 127.0.0.1, localhost or ::1`);
      process.exit(2);
    }
  }
}

/** p50/p95/p99/max in ms, rounded to 0.1 ms. */
export function percentiles(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const round = (ms) => Math.round(ms * 10) / 10;
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted.at(-1)) };
}

/** Appends one result as a JSON line to $BENCH_RESULTS (scripts/bench.sh writes docs/PERFORMANCE.md from them). */
export function emit(result) {
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify(result)}\n`);
}

/** Deletes a bench event with everything that points at it, in one transaction. */
export function removeEvent(sql, eventId) {
  sql(`BEGIN;
       DELETE FROM email_outbox WHERE payload #>> '{event,id}' = '${eventId}';
       DELETE FROM notifications WHERE event_id = ${eventId};
       DELETE FROM tickets WHERE event_id = ${eventId};
       DELETE FROM event_participants WHERE event_id = ${eventId};
       DELETE FROM events WHERE id = ${eventId};
       COMMIT;`);
}
