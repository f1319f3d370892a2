#!/usr/bin/env python3
"""Writes the figures of one scripts/bench.sh run (JSON lines) into docs/PERFORMANCE.md, between the
`<!-- bench:start -->` and `<!-- bench:end -->` markers; the text around them is written by hand.

    scripts/bench-report.py results.jsonl docs/PERFORMANCE.md SYNTHETIC_EVENTS
"""
import datetime, json, os, platform, subprocess, sys

results_file, doc, synthetic = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [json.loads(line) for line in open(results_file) if line.strip()]
of = lambda kind: [r for r in rows if r["bench"] == kind]

def command(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        return "?"

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
memory = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) / 1024 / 1024
postgres = command("psql", os.environ.get("BENCH_DATABASE_URL", ""), "-Atqc", "SHOW server_version")
lines = [
    "<!-- bench:start -->",
    f"Run of `scripts/bench.sh` on {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}: "
    f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Linux {platform.release()}, PostgreSQL {postgres}, "
    f"{command('rustc', '--version')}. The load generators share the two cores with the server and PostgreSQL.",
    "",
    f"### a. Pages at 64 connections (wrk, {os.environ.get('BENCH_SECONDS', '15')} s each)",
    "",
    "| page | server-rendered req/s | same HTML as a static file req/s | ratio (budget ≥ 0.15) | SSR p50 / p99 ms (budget p99 ≤ 50) | static p50 / p99 ms | non-2xx |",
    "|---|---:|---:|---:|---:|---:|---:|",
]
for page in dict.fromkeys(r["page"] for r in of("page")):
    ssr = next(r for r in of("page") if r["page"] == page and r["kind"] == "ssr")
    static = next(r for r in of("page") if r["page"] == page and r["kind"] == "static")
    lines.append(f"| {page} | {ssr['rps']:,.0f} | {static['rps']:,.0f} | **{ssr['rps'] / static['rps']:.2f}×** | "
                 f"{ssr['p50']} / **{ssr['p99']}** | {static['p50']} / {static['p99']} | {ssr['non2xx'] + static['non2xx']} |")
ceiling = next(iter(of("sql-ceiling")), None)
lines += ["", "### b. Registration rush over HTTP (10,000 attempts, 200 at a time)", "",
          "| capacity | tickets issued | 5xx / other errors | duplicates | registrations/s | vs raw SQL ceiling | p50 / p99 ms |",
          "|---:|---:|---:|---:|---:|---:|---:|"]
for r in of("rush"):
    ratio = f"{r['rate'] / ceiling['rate']:.2f}×" if ceiling else "?"
    lines.append(f"| {r['capacity']:,} | **{r['tickets']:,}** | {r['other_answers']} | {r['duplicates']} | {r['rate']:,.0f} attempts/s | "
                 f"{ratio} | {r['p50']} / {r['p99']} |")
if ceiling:
    lines += ["", f"Raw SQL ceiling in the same run: the conditional update alone (`UPDATE events SET seats_taken = seats_taken + 1 "
              f"WHERE id = $1 AND seats_taken + 1 <= capacity`), pgbench, {ceiling['clients']} clients (the app's pool), "
              f"{ceiling['attempts']:,} attempts: **{ceiling['rate']:,.0f} updates/s**, seats taken {ceiling['taken']} of {ceiling['capacity']}."]
for r in of("checkin"):
    lines += ["", f"### c. Check-in scans", "",
              f"{r['scans']:,} scans by {r['scanners']} scanners at once ({r['scans'] / r['seconds']:,.0f} scans/s), {r['checked']:,} admitted, "
              f"{r['fivexx']} 5xx: latency p50 {r['p50']} ms, p95 {r['p95']} ms, **p99 {r['p99']} ms**, max {r['max']} ms."]
lines += ["", "### d. WASM + JS per page (release build, as the browser downloads them; inline scripts included)", "",
          "`app` is Meetral's own client (WASM, its JS glue, inline scripts); `total` adds the vendored Leaflet on map pages.", "",
          "| page | raw | gzip | brotli total | brotli app | vs 150,000 B target / 250,000 B hard cap | files |", "|---|---:|---:|---:|---:|---|---|"]
for r in of("page-weight"):
    total, app = r["brotli"], r.get("appBrotli", r["brotli"])
    verdict = "within the target" if total <= 150_000 else ("**over the target**" if total <= 250_000 else "**over the hard cap** (with Leaflet)")
    lines.append(f"| `{r['path']}` | {r['raw']:,} | {r['gzip']:,} | {total:,} | {app:,} | {verdict} | {', '.join(f.split('/')[-1] for f in r['files'])} |")
lines += ["", f"### e. Catalogue query over {synthetic:,} synthetic events (EXPLAIN ANALYZE of the app's SQL)", "",
          "| filters | rows | p50 ms | p95 ms (budget ≤ 20) | indexes |", "|---|---:|---:|---:|---|"]
for r in of("catalogue-query"):
    lines.append(f"| {r['filters']} | {r['rows']} | {r['p50']} | {r['p95']} | {r['plan']} |")
lines.append("<!-- bench:end -->")

text = open(doc).read() if os.path.exists(doc) else "# Performance\n\n<!-- bench:start -->\n<!-- bench:end -->\n"
start, end = text.index("<!-- bench:start -->"), text.index("<!-- bench:end -->") + len("<!-- bench:end -->")
open(doc, "w").write(text[:start] + "\n".join(lines) + text[end:])
print("\n".join(lines[1:-1]))
