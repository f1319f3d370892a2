#!/usr/bin/env node
// Check-in scan latency at the door (docs/PERFORMANCE.md): the organizer signs in over HTTP, N tickets are
// made for an event of theirs, then scanners post `checkin_scan` with each ticket's code as the check-in
// page does (C scanners at a time, each scan once). Prints latency percentiles and exits non-zero unless
// every ticket was admitted exactly once with no 5xx. Removes the event it made.
//
//   node scripts/bench-checkin.mjs http://127.0.0.1:3170 postgres://…/meetral_bench_3170 [tickets] [scanners]
import { execFileSync } from 'node:child_process';
import { assertLoopback, percentiles, emit, removeEvent } from './bench-lib.mjs';

const [base, database, ticketsText = '2000', scannersText = '4'] = process.argv.slice(2);
if (!base || !database) {
  console.error('usage: bench-checkin.mjs BASE_URL DATABASE_URL [tickets] [scanners]');
  process.exit(2);
}
assertLoopback(base, database);
const count = Number(ticketsText);
const scanners = Number(scannersText);
const sql = (statement) => execFileSync('psql', [database, '-Atqc', statement], { encoding: 'utf8' }).trim();

const slug = `door-${Date.now()}`;
const eventId = sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at,
                       city, published_at, capacity, seats_taken)
                     SELECT '${slug}', u.id, c.id, 'Porte ${slug}', 'Banc d''essai de l''accueil.', 'published',
                            now() + interval '10 minutes', now() + interval '3 hours', 'Lyon', now(), ${count}, ${count}
                     FROM users u, categories c WHERE u.email = 'organisatrice@meetral.test' AND c.slug = 'networking'
                     RETURNING id`);
const cleanUp = () => removeEvent(sql, eventId);
try {
  sql(`WITH p AS (INSERT INTO event_participants (event_id, email, full_name, seats)
                  SELECT ${eventId}, 'door' || n || '@bench.test', 'Porte ' || n, 1 FROM generate_series(1, ${count}) n
                  RETURNING id, full_name)
       INSERT INTO tickets (code, event_id, participant_id, attendee_name)
       SELECT 'doorBench${eventId}x' || lpad(id::text, 12, '0'), ${eventId}, id, full_name FROM p`);
  const codes = sql(`SELECT code FROM tickets WHERE event_id = ${eventId}`).split('\n');

  const login = await fetch(`${base}/api/fn/login`, {
    method: 'POST', redirect: 'manual',
    headers: { Accept: 'application/json', Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'organisatrice@meetral.test', password: 'Meetral-Demo-2026' }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!login.ok || !cookie) throw new Error(`sign-in failed: HTTP ${login.status}`);

  const statuses = new Map();
  const latencies = [];
  let next = 0;
  async function scanner() {
    while (next < codes.length) {
      const code = codes[next++];
      const started = performance.now();
      const response = await fetch(`${base}/api/fn/checkin_scan`, {
        method: 'POST', headers: { Accept: 'application/json', Origin: base, Cookie: cookie },
        body: new URLSearchParams({ event_id: eventId, value: code }),
      });
      const answer = await response.json().catch(() => null);
      latencies.push(performance.now() - started);
      const key = `${response.status} ${answer?.verdict ?? ''}`.trim();
      statuses.set(key, (statuses.get(key) || 0) + 1);
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: scanners }, scanner));
  const seconds = (performance.now() - started) / 1000;
  const checked = Number(sql(`SELECT count(*) FROM tickets WHERE event_id = ${eventId} AND checked_in_at IS NOT NULL`));
  const p = percentiles(latencies);
  const fivexx = [...statuses].filter(([s]) => s.startsWith('5')).reduce((n, [, c]) => n + c, 0);
  console.log(`${count} scans by ${scanners} scanners in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)} scans/s)`);
  console.log(`answers: ${[...statuses].sort().map(([s, n]) => `${s} ×${n}`).join(', ')}`);
  console.log(`checked in ${checked}; latency ms: p50 ${p.p50}, p95 ${p.p95}, p99 ${p.p99}, max ${p.max}`);
  emit({ bench: 'checkin', scans: count, scanners, seconds, checked, fivexx, ...p });
  process.exitCode = checked === count && fivexx === 0 ? 0 : 1;
} finally {
  cleanUp();
}
