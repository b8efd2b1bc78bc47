#!/usr/bin/env bash
# A fuzzing session over every target, one after another, each for a time budget.
#   fuzz/session.sh [OUT_DIR] [SCALE]   (SCALE multiplies every budget; default 1 = ~13 min)
# Corpora, crash artifacts and logs go to OUT_DIR (default /tmp/wirelake-fuzz). A target
# that crashes is restarted on its corpus (at most 3 times) until its budget is spent.
# BUDGETS="target:seconds ..." runs other targets / budgets; WIRELAKE_FUZZ_SEED_DIRS (see
# the harness) replaces the seed folders, e.g. to leave out inputs still waiting for a fix.
set -u
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/wirelake-fuzz}
SCALE=${2:-1}
PY=${PYTHON:-.venv/bin/python}
mkdir -p "$OUT/logs" "$OUT/artifacts"
BUDGETS=${BUDGETS:-"pipeline:180 sniff:30 anpa:50 iptc7901:50 ninjs:60 nitf:60 newsml_g2:50 newsml12:50 feeds:50 html:60 page_text:50 warc:50 gzip:15 zip:20 tar:20"}
for entry in $BUDGETS; do
  target=${entry%%:*}; budget=$(( ${entry##*:} * SCALE ))
  mkdir -p "$OUT/corpus/$target"
  end=$(( $(date +%s) + budget )); tries=0
  while [ "$(date +%s)" -lt "$end" ] && [ "$tries" -lt 4 ]; do
    left=$(( end - $(date +%s) )); [ "$left" -lt 5 ] && break
    tries=$(( tries + 1 ))
    nice -n 10 "$PY" fuzz/fuzz_sniff_and_read.py --target="$target" "$OUT/corpus/$target" \
      -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$OUT/artifacts/$target-" >>"$OUT/logs/$target.log" 2>&1
    echo "$target try $tries exit $?" >>"$OUT/logs/session.log"
  done
done
echo done >>"$OUT/logs/session.log"
