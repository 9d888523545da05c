"""The seed's metrics aggregation in pandas and in DuckDB, beside Escalon's own answer.

Run by `cargo xtask bench` inside target/bench/venv (pandas and duckdb pinned there):

    python bench/dataframes.py ESCALATIONS.csv ESCALON_ANSWER.json NATIVE_MEDIAN CLI_MS

The CSV is the generated workspace's facts (bench/generate.mjs), one row per escalation;
the answer is Escalon's `calculate-metrics` response for the same request on the same
workspace. Both peers compute, for January 2025 grouped by tier, category and segment: the
count, MTTR mean and median (whole minutes, start to first resolution) and the SLA
compliance of the first-response and resolution clocks (the tier's default targets on the
24/7 calendar, judged at `now`). Before timing, every group must agree with Escalon's, or
the script fails. NATIVE_MEDIAN is the divan `seed_request` median as divan prints it
("144.2 ms"); CLI_MS the CLI's end-to-end milliseconds. Prints a Markdown fragment on
stdout; progress goes to stderr.
"""

import json
import math
import statistics
import sys
import time

import duckdb
import pandas as pd

NOW = pd.Timestamp("2025-04-01T00:00:00Z")
START, END = "2025-01-01", "2025-02-01"
# Tier defaults of core/src/sla/policy.rs: the demo config sets no SLA policy.
FIRST_RESPONSE = {1: 240, 2: 120, 3: 60, 4: 30}
RESOLUTION = {1: 7200, 2: 2880, 3: 1440, 4: 480}
KEYS = ["tier", "category", "segment"]
RUNS = 5


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def timed(fn):
    """Median milliseconds of RUNS calls after one warm-up, and the last result."""
    result = fn()
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def load_pandas(path):
    stamps = ["created_at", "acknowledged_at", "resolved_at"]
    df = pd.read_csv(path)
    for c in stamps:
        df[c] = pd.to_datetime(df[c], utc=True, format="ISO8601")
    return df


def clock(df, stop, target):
    """(met, breached, open) per row, as core/src/sla/clock.rs judges a clock at NOW."""
    due = df["created_at"] + pd.to_timedelta(df["tier"].map(target), unit="m")
    stopped = df[stop].notna() & (df[stop] <= NOW)
    breached = (stopped & (df[stop] > due)) | (~stopped & (NOW >= due))
    return stopped & ~breached, breached, ~stopped & ~breached


def aggregate_pandas(df):
    j = df[(df["created_at"] >= pd.Timestamp(START, tz="UTC")) & (df["created_at"] < pd.Timestamp(END, tz="UTC"))].copy()
    seconds = (j["resolved_at"] - j["created_at"]).dt.total_seconds()
    j["mttr"] = (seconds.clip(lower=0) // 60)
    for name, stop, target in [("fr", "acknowledged_at", FIRST_RESPONSE), ("res", "resolved_at", RESOLUTION)]:
        met, breached, open_ = clock(j, stop, target)
        j[f"{name}_met"], j[f"{name}_breached"], j[f"{name}_open"] = met, breached, open_
    g = j.groupby(KEYS)
    out = g.agg(
        count=("id", "size"),
        mean=("mttr", "mean"),
        median=("mttr", "median"),
        resolved=("mttr", "count"),
        fr_met=("fr_met", "sum"),
        fr_breached=("fr_breached", "sum"),
        fr_open=("fr_open", "sum"),
        res_met=("res_met", "sum"),
        res_breached=("res_breached", "sum"),
        res_open=("res_open", "sum"),
    )
    out["unresolved"] = out["count"] - out["resolved"]
    return out.reset_index()


DUCK_SQL = f"""
WITH j AS (
  SELECT tier, category, segment,
    epoch(created_at)::BIGINT AS s, epoch(acknowledged_at)::BIGINT AS a,
    epoch(resolved_at)::BIGINT AS r,
    -- greatest() skips NULLs, so the unresolved must stay NULL explicitly.
    CASE WHEN resolved_at IS NULL THEN NULL
      ELSE greatest(epoch(resolved_at)::BIGINT - epoch(created_at)::BIGINT, 0) // 60 END AS mttr,
    epoch(TIMESTAMPTZ '{NOW.isoformat()}')::BIGINT AS now,
    CASE tier WHEN 1 THEN 240 WHEN 2 THEN 120 WHEN 3 THEN 60 ELSE 30 END * 60 AS fr_t,
    CASE tier WHEN 1 THEN 7200 WHEN 2 THEN 2880 WHEN 3 THEN 1440 ELSE 480 END * 60 AS res_t
  FROM escalations
  WHERE created_at >= TIMESTAMPTZ '{START} 00:00:00+00' AND created_at < TIMESTAMPTZ '{END} 00:00:00+00'
)
SELECT tier, category, segment, count(*) AS count,
  avg(mttr) AS mean, median(mttr) AS median,
  count(r) AS resolved, count(*) - count(r) AS unresolved,
  count_if(a <= now AND a <= s + fr_t) AS fr_met,
  count_if((a <= now AND a > s + fr_t) OR ((a IS NULL OR a > now) AND now >= s + fr_t)) AS fr_breached,
  count_if((a IS NULL OR a > now) AND now < s + fr_t) AS fr_open,
  count_if(r <= now AND r <= s + res_t) AS res_met,
  count_if((r <= now AND r > s + res_t) OR ((r IS NULL OR r > now) AND now >= s + res_t)) AS res_breached,
  count_if((r IS NULL OR r > now) AND now < s + res_t) AS res_open
FROM j GROUP BY ALL ORDER BY ALL
"""


def load_duckdb(path):
    con = duckdb.connect()
    types = {"created_at": "TIMESTAMPTZ", "acknowledged_at": "TIMESTAMPTZ", "resolved_at": "TIMESTAMPTZ"}
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"CREATE TABLE escalations AS SELECT * FROM read_csv('{path}', header = true, types = {types})")
    return con


def escalon_rows(answer):
    """Escalon's rows in the peers' shape."""
    rows = {}
    for row in answer["result"]["rows"]:
        g, m = row["group"], row["metrics"]
        mttr, sla = m["mttr_escalations"], m["sla_compliance"]
        rows[(g["escalation_tier"], g["issue_category"], g["customer_segment"])] = {
            "count": m["escalation_count"],
            "mean": mttr["mean_minutes"],
            "median": mttr["median_minutes"],
            "resolved": mttr["resolved"],
            "unresolved": mttr["unresolved"],
            **{f"fr_{k}": sla["first_response"][k] for k in ("met", "breached", "open")},
            **{f"res_{k}": sla["resolution"][k] for k in ("met", "breached", "open")},
        }
    return rows


def round1(x):
    """Escalon's rounding (half away from zero), not Python's half-to-even."""
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else math.floor(x * 10 + 0.5) / 10


def agree(name, records, expected):
    got = {}
    for r in records:
        key = (int(r["tier"]), r["category"], r["segment"])
        got[key] = {k: r[k] for k in expected[next(iter(expected))]}
    if set(got) != set(expected):
        raise SystemExit(f"{name}: groups differ from Escalon's: {sorted(set(got) ^ set(expected))[:5]}")
    for key, want in expected.items():
        have = got[key]
        for field, w in want.items():
            h = have[field]
            if field == "mean":
                h = round1(float(h))
            elif field == "median":
                h = float(h)
                w = float(w)
            else:
                h = int(h)
            if h != w:
                raise SystemExit(f"{name}: group {key} {field}: {h} but Escalon says {w}")
    return len(expected)


def main():
    csv_path, answer_path, native_median, cli_ms = sys.argv[1:5]
    answer = json.load(open(answer_path))
    if not answer.get("ok"):
        raise SystemExit(f"Escalon refused the request: {answer}")
    expected = escalon_rows(answer)
    in_range = answer["result"]["escalations"]

    t0 = time.perf_counter()
    df = load_pandas(csv_path)
    pandas_load = (time.perf_counter() - t0) * 1000
    log(f"pandas: read {len(df):,} rows in {pandas_load:.0f} ms")
    pandas_ms, result = timed(lambda: aggregate_pandas(df))
    groups = agree("pandas", result.to_dict("records"), expected)

    t0 = time.perf_counter()
    con = load_duckdb(csv_path)
    duck_load = (time.perf_counter() - t0) * 1000
    log(f"duckdb: read the CSV in {duck_load:.0f} ms")
    duck_ms, records = timed(lambda: con.execute(DUCK_SQL).df())
    agree("duckdb", records.to_dict("records"), expected)

    rows = [
        ("Escalon native (divan `seed_request`, release)", native_median,
         f"`escalon run` end to end, reading the 128 MB workspace JSON: {float(cli_ms):,.0f} ms"),
        (f"pandas {pd.__version__}", f"{pandas_ms:,.0f} ms", f"{pandas_load:,.0f} ms (11 MB CSV)"),
        (f"DuckDB {duckdb.__version__}", f"{duck_ms:,.0f} ms", f"{duck_load:,.0f} ms (11 MB CSV)"),
    ]
    print(
        f"{len(df):,} escalations; the request covers January ({in_range:,} escalations, "
        f"{groups} groups of tier x category x segment). All {groups} groups agree across the "
        "three on count, resolved and unresolved, MTTR mean (Escalon's one decimal) and median, "
        "and met / breached / open of the first-response and resolution clocks. "
        f"Medians of {RUNS} runs after a warm-up; loading is timed once and apart.\n"
    )
    print("| engine | aggregation | loading the data |")
    print("|---|---:|---:|")
    for name, ms, load in rows:
        print(f"| {name} | {ms} | {load} |")


if __name__ == "__main__":
    main()
