#!/usr/bin/env python3
"""Times the catalogue query (the exact SQL the app runs, read from .sqlx/) for combinations of filters on
a database filled by `meetral seed-synthetic`. Prints p50/p95 execution times and the plan's index use.

    scripts/bench-catalogue.py postgres://postgres@127.0.0.1:5432/meetral_bench [runs]
"""
import glob, json, re, statistics, subprocess, sys

url = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
sql = next(
    json.load(open(f))["query"]
    for f in glob.glob("/".join(__file__.split("/")[:-2] + [".sqlx", "*.json"]))
    if "count(*) OVER ()" in json.load(open(f))["query"]
)

NOW = "now()"
WEEKEND = ("date_trunc('week', now()) + interval '5 days'", "date_trunc('week', now()) + interval '7 days'")
WEEK = (NOW, "date_trunc('week', now()) + interval '7 days'")
LYON = ("45.764", "4.8357")
# $1 from, $2 until, $3 q, $4 city, $5 category, $6 free, $7 freefood, $8 online, $9 lat, $10 lon,
# $11 radius, $12 sort, $13 limit, $14 offset
def combo(name, **p):
    values = {
        1: p.get("from", "NULL"), 2: p.get("until", "NULL"), 3: p.get("q", "NULL"), 4: p.get("city", "NULL"),
        5: p.get("category", "NULL"), 6: p.get("free", "NULL"), 7: p.get("freefood", "false"),
        8: p.get("online", "NULL"), 9: p.get("lat", "NULL"), 10: p.get("lon", "NULL"), 11: p.get("radius", "25"),
        12: p.get("sort", "'soonest'"), 13: "24", 14: p.get("offset", "0"),
    }
    return name, values

COMBOS = [
    combo("no filter"),
    combo("text 'atelier rust'", q="'atelier rust'"),
    combo("text with a typo 'ceramiqe'", q="'ceramiqe'"),
    combo("this weekend", **{"from": WEEKEND[0], "until": WEEKEND[1]}),
    combo("city Lyon", city="'lyon'"),
    combo("category", category="'formation'"),
    combo("free", free="true"),
    combo("paid", free="false"),
    combo("FreeFood", freefood="true"),
    combo("online", online="true"),
    combo("near Lyon 10 km", lat=LYON[0], lon=LYON[1], radius="10"),
    combo("near Lyon 10 km, nearest first", lat=LYON[0], lon=LYON[1], radius="10", sort="'nearest'"),
    combo("FreeFood + weekend + Lyon", freefood="true", city="'lyon'", **{"from": WEEKEND[0], "until": WEEKEND[1]}),
    combo("text + city", q="'concert'", city="'paris'"),
    combo("category + paid + this week", category="'culturel'", free="false", **{"from": WEEK[0], "until": WEEK[1]}),
    combo("near + FreeFood + free", lat=LYON[0], lon=LYON[1], radius="25", freefood="true", free="true"),
    combo("newest first", sort="'newest'"),
    combo("page 40", offset="936"),
]

def literal_sql(values):
    text = sql
    for n in sorted(values, reverse=True):
        text = re.sub(r"\$%d(?!\d)" % n, lambda _: "(%s)" % values[n], text)
    return text

print(f"{'filters':45} {'rows':>6} {'p50 ms':>8} {'p95 ms':>8}  plan")
for name, values in COMBOS:
    statement = "SET pg_trgm.word_similarity_threshold = 0.5;\nEXPLAIN (ANALYZE, FORMAT JSON) " + literal_sql(values)
    times, rows, plan = [], 0, ""
    for _ in range(runs):
        out = subprocess.run(["psql", url, "-Atqc", statement], capture_output=True, text=True, check=True).stdout
        report = json.loads(out[out.index("["):])[0]
        times.append(report["Execution Time"])
        rows = report["Plan"].get("Actual Rows", 0)
        nodes = re.findall(r'"Index Name": "([^"]+)"', json.dumps(report))
        plan = ", ".join(sorted(set(nodes))) or "seq scan"
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"{name:45} {rows:>6} {statistics.median(times):>8.2f} {p95:>8.2f}  {plan}")
