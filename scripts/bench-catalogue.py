#!/usr/bin/env python3
"""Times the catalogue query (the exact SQL the app runs, read from .sqlx/) for combinations of filters on
a database filled by `meetral seed-synthetic`. Prints p50/p95 execution times and the plan's index use.

    scripts/bench-catalogue.py postgres://postgres@127.0.0.1:5432/meetral_bench [runs] [--explain]
"""
import glob, json, os, re, statistics, subprocess, sys, unicodedata

url = sys.argv[1]
from urllib.parse import urlparse
if (urlparse(url).hostname or "127.0.0.1") not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"refusing to benchmark {urlparse(url).hostname}: only 127.0.0.1, localhost or ::1")
runs = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 20
sql = open(os.environ["BENCH_SQL_FILE"]).read() if os.environ.get("BENCH_SQL_FILE") else next(
    json.load(open(f))["query"]
    for f in glob.glob("/".join(__file__.split("/")[:-2] + [".sqlx", "*.json"]))
    if "WITH matches AS MATERIALIZED" in json.load(open(f))["query"]
)

COUNT_CAP = int(os.environ.get("COUNT_CAP", "200"))  # app/src/discovery/server/catalogue.rs
# The app corrects misspelt words first (app/src/discovery/server/catalogue.rs, `corrected_query`).
CORRECT = next(
    json.load(open(f))["query"]
    for f in glob.glob("/".join(__file__.split("/")[:-2] + [".sqlx", "*.json"]))
    if "END AS corrected" in json.load(open(f))["query"]
)
def corrected(q):
    if q == "NULL":
        return "NULL"
    text = "SET pg_trgm.similarity_threshold = 0.5;\n" + CORRECT.replace("$1", q)
    out = subprocess.run(["psql", url, "-Atqc", text], capture_output=True, text=True, check=True).stdout
    # NULL (an empty line) when no word changed, as the app passes it.
    return "'%s'" % out.strip().replace("'", "''") if out.strip() else "NULL"

# The app binds instants, not expressions: read them once so the planner sees values, as in the app.
def instant(expression):
    out = subprocess.run(["psql", url, "-Atqc", f"SELECT ({expression})::text"], capture_output=True, text=True, check=True)
    return "'%s'::timestamptz" % out.stdout.strip()
NOW = instant("now()")
WEEKEND = (instant("date_trunc('week', now()) + interval '5 days'"), instant("date_trunc('week', now()) + interval '7 days'"))
WEEK = (NOW, WEEKEND[1])
LYON = ("45.764", "4.8357")
# $1 from, $2 until, $3 q, $4 city, $5 category, $6 free, $7 freefood, $8 online, $9 lat, $10 lon,
# $11 radius, $12 sort, $13 limit, $14 offset, $15 counting cap (max(200, offset + limit) + 1),
# $16 the query with misspelt words corrected
# The app drops the chosen city's words from the text (catalogue.rs, `beyond_city`).
def fold(text):
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode())
def beyond_city(q, city):
    if q == "NULL" or city == "NULL" or '"' in q:
        return q
    city_words = set(fold(city.strip("'")).split("-")) - {""}
    kept = [w for w in q.strip("'").split() if not set(fold(w).split("-")) - {""} <= city_words]
    return "'%s'" % " ".join(kept) if kept else "NULL"

def combo(name, **p):
    limit, offset = int(p.get("limit", 24)), int(p.get("offset", 0))
    if "q" in p:
        p["q"] = beyond_city(p["q"], p.get("city", "NULL"))
    values = {
        1: p.get("from", NOW), 2: p.get("until", "NULL"), 3: p.get("q", "NULL"), 4: p.get("city", "NULL"),
        5: p.get("category", "NULL"), 6: p.get("free", "NULL"), 7: p.get("freefood", "false"),
        8: p.get("online", "NULL"), 9: p.get("lat", "NULL"), 10: p.get("lon", "NULL"), 11: p.get("radius", "25"),
        12: p.get("sort", "'soonest'"), 13: str(limit), 14: str(offset), 15: str(max(COUNT_CAP, offset + limit) + 1),
        16: corrected(p.get("q", "NULL")),
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
    combo("text + city, every event matches", q="'atelier'", city="'paris'"),
    combo("text naming the city, + city", q="'concert lyon'", city="'lyon'"),
    combo("category + paid + this week", category="'culturel'", free="false", **{"from": WEEK[0], "until": WEEK[1]}),
    combo("near + FreeFood + free", lat=LYON[0], lon=LYON[1], radius="25", freefood="true", free="true"),
    combo("newest first", sort="'newest'"),
    combo("most popular", sort="'popular'"),
    combo("text + FreeFood + weekend", q="'brunch'", freefood="true", **{"from": WEEKEND[0], "until": WEEKEND[1]}),
    combo("online + free + category", online="true", free="true", category="'formation'"),
    combo("map view (300)", limit="300"),
    combo("map view, FreeFood near Lyon", limit="300", lat=LYON[0], lon=LYON[1], radius="50", freefood="true"),
    combo("page 40", offset="936"),
]

def literal_sql(values):
    text = sql
    for n in sorted(values, reverse=True):
        text = re.sub(r"\$%d(?!\d)" % n, lambda _: "(%s)" % values[n], text)
    return text

explains = {}
print(f"{'filters':45} {'rows':>6} {'p50 ms':>8} {'p95 ms':>8}  plan")
for name, values in COMBOS:
    statement = "EXPLAIN (ANALYZE, FORMAT JSON) " + literal_sql(values)
    times, rows, plan = [], 0, ""
    for _ in range(runs):
        out = subprocess.run(["psql", url, "-Atqc", statement], capture_output=True, text=True, check=True).stdout
        report = json.loads(out[out.index("["):])[0]
        times.append(report["Execution Time"])
        rows = report["Plan"].get("Actual Rows", 0)
        if "--explain" in sys.argv and not times[1:]:
            explains[name] = out
        nodes = re.findall(r'"Index Name": "([^"]+)"', json.dumps(report))
        plan = ", ".join(sorted(set(nodes))) or "seq scan"
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"{name:45} {rows:>6} {statistics.median(times):>8.2f} {p95:>8.2f}  {plan}")
    if os.environ.get("BENCH_RESULTS"):  # scripts/bench.sh writes docs/PERFORMANCE.md from these lines
        with open(os.environ["BENCH_RESULTS"], "a") as results:
            results.write(json.dumps({"bench": "catalogue-query", "filters": name, "rows": rows, "runs": runs,
                                      "p50": round(statistics.median(times), 2), "p95": round(p95, 2), "plan": plan}) + "\n")

if "--explain" in sys.argv:
    for name, out in explains.items():
        plan = json.loads(out[out.index("["):])[0]["Plan"]
        def walk(node, depth=0):
            label = node["Node Type"] + (f" using {node['Index Name']}" if "Index Name" in node else "")
            print("  " * depth + f"{label} (rows {node.get('Actual Rows')}, loops {node.get('Actual Loops')})")
            for child in node.get("Plans", []):
                walk(child, depth + 1)
        print(f"\n### {name}")
        walk(plan)
