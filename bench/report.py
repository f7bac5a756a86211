#!/usr/bin/env python3
"""Turns the scenario lines of bench/run.sh into bench/results/<date>-<size>.md and .json.

Every request rate is also given as a ratio to the nginx static ceiling measured in the same run (same driver,
same page size), because absolute figures on shared 2-core machines mean little on their own.
"""
import argparse
import json
import platform
import subprocess
from datetime import datetime, timezone

TARGETS = {
    # scenario: (min rps, max p99 ms, description)
    "home_html": (4000, 50, "home stream HTML, logged in"),
    "space_html": (None, None, "space stream HTML"),
    "post_html": (None, None, "single post page"),
    "api_home": (6000, 30, "API home stream JSON"),
    "post_create": (1000, 100, "post create via API, 50 writers, 0 errors"),
}
# search (issue 7): (rate in queries/s, max p95 ms). The "_at" scenarios send requests at that fixed rate (open loop,
# bench/driver/RateDriver.java) and are met when the rate was kept with p95 within the bound and no errors; the
# others are wrk at full load (capacity: how many queries/s the machine answers at all, and the latency then)
SEARCH_TARGETS = {
    "search_reader50_at200": (200, 20, "reader of 50 spaces at 200 queries/s"),
    "search_reader5_at400": (400, 20, "reader of 5 spaces at 400 queries/s"),
    "search_reader50": (None, None, "reader of 50 spaces, full load"),
    "search_reader5": (None, None, "reader of 5 spaces, full load"),
    "search_member": (None, None, "member (every public space plus own ones), full load"),
}

RSS_PHASES = [
    ("stream pages and writes", {"home_html", "space_html", "post_html", "api_home", "post_create"}),
    ("search", {"search_reader50_at200", "search_reader5_at400", "search_reader50", "search_reader5",
                "search_member"}),
    ("SSE", {"sse"}),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--cold-start", type=float, required=True)
    ap.add_argument("--start-mode", default="plain jar")
    ap.add_argument("--generate-seconds", type=int, required=True)
    ap.add_argument("--rss-end", type=int, required=True)
    ap.add_argument("--db-size", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--label", default="")
    ap.add_argument("--jar", default="")
    ap.add_argument("--rebuild", default="")
    a = ap.parse_args()

    rows = [json.loads(line) for line in open(a.results) if line.strip()]
    by = {r["scenario"]: r for r in rows}
    base = by.get("nginx_static", {}).get("result", {})
    base_rps = base.get("rps") or 0
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    if a.label:
        commit = f"{commit}; measured build: {a.label}, {a.jar}"
    peak_rss = max([r.get("kontorRssMb", 0) for r in rows] + [a.rss_end])

    doc = {
        "size": a.size, "date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "commit": commit,
        "machine": {"cpus": _cpus(), "kernel": platform.release()},
        "generateSeconds": a.generate_seconds, "coldStartSeconds": a.cold_start, "startMode": a.start_mode,
        "databaseMb": a.db_size,
        "kontorPeakRssMb": peak_rss, "searchRebuild": a.rebuild, "scenarios": rows,
    }
    with open(a.out + ".json", "w") as f:
        json.dump(doc, f, indent=2)

    out = [f"# Kontor benchmark, size {a.size}, {doc['date']} (commit {commit})", "",
           f"2 load threads, 32 connections (50 for writes), {_cpus()} CPUs shared by load generator, Kontor and "
           f"PostgreSQL. Data generated in {a.generate_seconds} s; database {a.db_size} MB.", "",
           "| scenario | req/s | ratio to nginx | p50 ms | p95 ms | p99 ms | errors | Kontor CPU | PG CPU | target | met |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name in ["nginx_static", "home_html", "space_html", "post_html", "api_home", "post_create"]:
        r = by.get(name)
        if not r:
            continue
        w = r["result"]
        if w.get("failed"):
            out.append(f"| {name} | failed | | | | | | | | | no |")
            continue
        errors = sum(w["errors"].values())
        ratio = f"{w['rps'] / base_rps:.3f}" if base_rps and name != "nginx_static" else "1" if name == "nginx_static" else ""
        target, met = "", ""
        if name in TARGETS and TARGETS[name][0]:
            min_rps, max_p99, _ = TARGETS[name]
            target = f"≥ {min_rps:,} req/s, p99 ≤ {max_p99} ms" + (", 0 errors" if name == "post_create" else "")
            ok = w["rps"] >= min_rps and w["p99Ms"] <= max_p99 and (name != "post_create" or errors == 0)
            met = "yes" if ok else "no"
        out.append(f"| {name} | {w['rps']:,.0f} | {ratio} | {w['p50Ms']:.1f} | {w['p95Ms']:.1f} | {w['p99Ms']:.1f} "
                   f"| {errors} | {r['kontorCpuCores']} | {r['postgresCpuCores']} | {target} | {met} |")
    sse = by.get("sse")
    if sse and "connections" in sse["result"]:
        s = sse["result"]
        ok = (s["open"] >= 10000 and s["p99Ms"] <= 1000 and s["missing"] == 0 and s["posts"] > 0
              and s.get("createErrors", 0) == 0)
        out += ["", "## SSE fan-out", "",
                "| open streams | failed | opened in s | posts | deliveries expected | received | p50 ms | p95 ms "
                "| p99 ms | max ms | Kontor CPU | target | met |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
                f"| {s['open']} | {s['failed']} | {s['connectSeconds']} | {s['posts']} | {s['expected']:,} "
                f"| {s['received']:,} | {s['p50Ms']} | {s['p95Ms']} | {s['p99Ms']} | {s['maxMs']} "
                f"| {sse['kontorCpuCores']} | 10,000 open; create → receipt p99 ≤ 1 s | {'yes' if ok else 'no'} |",
                "", f"Posts at 2/s into a company-wide space, each to every open stream; the first "
                f"{s.get('warmupPosts', 0)} posts after the streams opened are a warm-up and not measured "
                "(per-post figures in bench/work/<size>/sse.err)."]
    search = [n for n in SEARCH_TARGETS if n in by]
    if search:
        out += ["", "## Search", "",
                "Queries: words of generated post texts (Zipf vocabulary, see bench/README.md), one word, two words or "
                "a prefix; 20 hits per page with facets and snippets. CPU per query = Kontor CPU seconds / queries. "
                "Scenarios ending in _atN send N queries/s on a fixed schedule over 32 connections and count latency "
                "from when a query was due; the others are wrk at full load (32 connections).", "",
                "| scenario | queries/s | p50 ms | p95 ms | p99 ms | errors | Kontor CPU | CPU ms per query | target | met |",
                "|---|---|---|---|---|---|---|---|---|---|"]
        for name in search:
            r = by[name]; w = r["result"]
            if w.get("failed"):
                out.append(f"| {name} | failed | | | | | | | | no |")
                continue
            errors = sum(w["errors"].values())
            cpu_ms = float(r["kontorCpuCores"]) * 1000 / w["rps"] if w["rps"] else 0
            min_rps, max_p95, _ = SEARCH_TARGETS[name]
            target = f"{min_rps} q/s kept, p95 ≤ {max_p95} ms" if min_rps else ""
            met = ("yes" if w["rps"] >= 0.97 * min_rps and w["p95Ms"] <= max_p95 and errors == 0 else "no") \
                if min_rps else ""
            out.append(f"| {name} | {w['rps']:,.0f} | {w['p50Ms']:.1f} | {w['p95Ms']:.1f} | {w['p99Ms']:.1f} | {errors} "
                       f"| {r['kontorCpuCores']} | {cpu_ms:.1f} | {target} | {met} |")
        if a.rebuild:
            out += ["", f"Index rebuild on start: {a.rebuild}"]
    out += ["", "## Start and memory", "",
            f"- cold start on the generated data (JVM start to first page, embedded PostgreSQL included, page cache "
            f"dropped before, {a.start_mode}): "
            f"**{a.cold_start:.1f} s** (target ≤ 10 s: {'met' if a.cold_start <= 10 else 'not met'})",
            f"- Kontor JVM peak RSS under load: **{peak_rss} MB** (target ≤ 600 MB: "
            f"{'met' if peak_rss <= 600 else 'not met'}); PostgreSQL PSS at the end: "
            f"{rows[-1].get('postgresPssMb', '?')} MB (separate processes)",
            "- peak RSS by phase, in MB (all / anonymous, i.e. without the file pages of the memory-mapped search "
            "index, which are page cache the kernel may drop): " + "; ".join(
                f"{phase} {max(r.get('kontorRssMb', 0) for r in rows if r['scenario'] in names)} / "
                f"{max(r.get('kontorRssAnonMb', 0) for r in rows if r['scenario'] in names)}"
                for phase, names in RSS_PHASES if any(r['scenario'] in names for r in rows))
            + (f" (the SSE phase holds {by['sse']['result'].get('open', 0):,} connections)" if "sse" in by else ""),
            "", "Raw figures: the .json file beside this one."]
    with open(a.out + ".md", "w") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


def _cpus():
    try:
        return len(open("/proc/cpuinfo").read().split("processor")) - 1
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
