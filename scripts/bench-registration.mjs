#!/usr/bin/env node
// The registration rush (docs/TICKETS.md, budget in DESIGN §6): N guests post the registration form of
// one event of capacity C at the same time, over HTTP, against a running release server. Prints the
// answers by status, the tickets in the database and latency percentiles. Run it against the e2e
// server with the rate limit raised (every attempt comes from 127.0.0.1):
//
//   MEETRAL_RATE_LIMIT_FACTOR=1000 E2E_PORT=3170 E2E_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     scripts/e2e-server.sh &
//   node scripts/bench-registration.mjs http://127.0.0.1:3170 postgres://postgres@127.0.0.1:5432/meetral_e2e_3170 10000 500 200
import { execFileSync } from 'node:child_process';
import { assertLoopback, percentiles, emit, removeEvent } from './bench-lib.mjs';

const [base, database, attemptsText = '10000', capacityText = '500', concurrencyText = '200'] = process.argv.slice(2);
if (!base || !database) {
  console.error('usage: bench-registration.mjs BASE_URL DATABASE_URL [attempts] [capacity] [concurrency]');
  process.exit(2);
}
assertLoopback(base, database);
const attempts = Number(attemptsText);
const capacity = Number(capacityText);
const concurrency = Number(concurrencyText);
const sql = (statement) => execFileSync('psql', [database, '-Atqc', statement], { encoding: 'utf8' }).trim();

const slug = `rush-${Date.now()}`;
const eventId = sql(`INSERT INTO events (slug, organizer_id, category_id, title, summary, status, starts_at, ends_at,
                       city, published_at, capacity)
                     SELECT '${slug}', u.id, c.id, 'Rush ${slug}', 'Banc d''essai de la billetterie.', 'published',
                            now() + interval '7 days', now() + interval '7 days 2 hours', 'Lyon', now(), ${capacity}
                     FROM users u, categories c WHERE u.email = 'organisatrice@meetral.test' AND c.slug = 'networking'
                     RETURNING id`);

const statuses = new Map();
const latencies = [];
let next = 0;
async function worker() {
  while (next < attempts) {
    const n = next++;
    const body = new URLSearchParams({
      event_id: eventId, seats: '1', full_name: `Rush ${n}`, email: `rush${n}@bench.test`, consent: 'on', locale: 'fr',
    });
    const started = performance.now();
    let status;
    try {
      const response = await fetch(`${base}/api/fn/register`, {
        method: 'POST', body, headers: { Accept: 'application/json', Origin: base },
      });
      await response.arrayBuffer();
      status = String(response.status);
    } catch (error) {
      status = `network: ${error.cause?.code || error.message}`;
    }
    latencies.push(performance.now() - started);
    statuses.set(status, (statuses.get(status) || 0) + 1);
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
const p = percentiles(latencies);
const tickets = Number(sql(`SELECT count(*) FROM tickets WHERE event_id = ${eventId}`));
const taken = Number(sql(`SELECT seats_taken FROM events WHERE id = ${eventId}`));
const mails = Number(sql(`SELECT count(*) FROM email_outbox WHERE template = 'registration_confirmed' AND payload #>> '{event,id}' = '${eventId}'`));
// Two tickets for one person, or one code twice: what a lost race would leave behind.
const duplicates = Number(sql(`SELECT (SELECT count(*) - count(DISTINCT lower(email)) FROM event_participants WHERE event_id = ${eventId})
                                    + (SELECT count(*) - count(DISTINCT code) FROM tickets WHERE event_id = ${eventId})`));
const fivexx = [...statuses].filter(([s]) => !/^(200|409)$/.test(s)).reduce((n, [, c]) => n + c, 0);
console.log(`${attempts} attempts, capacity ${capacity}, ${concurrency} at a time, ${seconds.toFixed(1)} s (${(attempts / seconds).toFixed(0)} req/s)`);
console.log(`answers: ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(', ')}`);
console.log(`tickets ${tickets}, seats_taken ${taken}, confirmations queued ${mails}, duplicates ${duplicates}`);
console.log(`latency ms: p50 ${p.p50}, p95 ${p.p95}, p99 ${p.p99}, max ${p.max}`);
emit({ bench: 'rush', attempts, capacity, concurrency, seconds, rate: attempts / seconds, tickets, taken, mails, duplicates,
       other_answers: fivexx, answers: Object.fromEntries(statuses), ...p });
// The bench's own rows go (the event's registrations, tickets and queued mails with it).
removeEvent(sql, eventId);
const ok = tickets === capacity && taken === capacity && duplicates === 0 && fivexx === 0;
process.exit(ok ? 0 : 1);
