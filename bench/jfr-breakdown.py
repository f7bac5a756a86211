#!/usr/bin/env python3
"""Where Kontor's CPU went in a time window of a bench JFR recording, by part of the request.

usage: bench/jfr-breakdown.py bench/work/M/kontor.jfr HH:MM:SS HH:MM:SS

Reads the recording's execution samples (JDK 21+ `jfr` next to the JDK that ran the bench; set JFR to its path
otherwise) between the two UTC times (take them from the bench log: "scenario NAME" lines) and puts each sample in
the innermost part of the request it was in (a sample in the highlighter inside the search service counts as
"snippets"). Prints the shares, then the most frequent stacks that fit no part, so that the next part to name shows
up. The parts are Kontor's search and request path; extend PARTS for other scenarios.
"""
import collections
import json
import os
import subprocess
import sys

PARTS = [
    ("lucene query", ["IndexSearcher.search"]),
    ("snippets", ["UnifiedHighlighter"]),
    ("facets", ["FacetCounts"]),
    ("did you mean", ["SearchService.didYouMean"]),
    ("stored fields", ["StoredFields", "storedFields"]),
    ("query parsing", ["SearchService.parse", "SearchService.highlighted"]),
    ("rescore", ["SearchService.rescore"]),
    ("permission filter", ["SearchService.acl"]),
    ("jdbc", ["org.postgresql", "com.zaxxer"]),
    ("templates", ["gg.jte"]),
    ("json", ["tools.jackson"]),
    ("indexing", ["IndexingChain", "IndexWriter", "SearchIndex.put"]),
    ("security and session", ["springframework.security", "springframework.session"]),
]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    recording, start, end = sys.argv[1:]
    jfr = os.environ.get("JFR", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr")
    printed = subprocess.run([jfr, "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample",
                              recording], capture_output=True, text=True, check=True).stdout
    shares, unnamed, total = collections.Counter(), collections.Counter(), 0
    for event in json.loads(printed)["recording"]["events"]:
        values = event["values"]
        if not start <= values["startTime"][11:19] <= end:
            continue
        trace = values["stackTrace"]["frames"] if values["stackTrace"] else []
        frames = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in trace]
        total += 1
        part = next((name for frame in frames for name, keys in PARTS if any(k in frame for k in keys)), None)
        shares[part or "other"] += 1
        if part is None:
            unnamed[" < ".join(frames[:4])] += 1
    if total == 0:
        sys.exit("no samples between %s and %s (UTC)" % (start, end))
    print("%d samples between %s and %s" % (total, start, end))
    for name, n in shares.most_common():
        print("%5.1f %%  %s" % (100.0 * n / total, name))
    print("\nmost frequent stacks in no part:")
    for stack, n in unnamed.most_common(10):
        print("%5.1f %%  %s" % (100.0 * n / total, stack[:200]))


if __name__ == "__main__":
    main()
