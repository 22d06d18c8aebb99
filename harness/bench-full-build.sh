#!/usr/bin/env bash
# Whole-process full build beside the peers (issue 11): harness/bench-full-build.sh REPO SOURCES WORK [REPEAT]
#   e.g. harness/bench-full-build.sh "$PWD" 100000 /tmp/nb 5   (publish first: dotnet publish harness/Toolkit.Build -c Release
#   -r linux-x64 -p:PublishAot=true; falls back to the JIT toolkit-build). VARIANTS="optimized" (default) picks the variants.
# Each run builds a fresh copy of one generated project (-j 2, the toolkit with its built-in tool, ninja and samu with the
# toolkit's stand-in cc/ar/ranlib first on PATH), the tools interleaved run by run. Prints median wall s, user s and peak
# RSS KB per tool, and each run's peak (wall on a shared disk is dominated by writeback: compare user time and RSS).
set -euo pipefail
REPO=$1; N=$2; WORK=$3; R=${4:-5}; VARIANTS=${VARIANTS:-optimized}
T=$REPO/harness/Toolkit.Harness/bin/Release/net10.0/toolkit
A=$REPO/harness/Toolkit.Build/bin/Release/net10.0/linux-x64/publish/toolkit-build
[ -x "$A" ] || A=$REPO/harness/Toolkit.Build/bin/Release/net10.0/toolkit-build
STAND=$WORK/standins; mkdir -p "$STAND"; cp "$REPO"/harness/Toolkit.Harness/Measuring/StandIns/* "$STAND"/; chmod +x "$STAND"/*
[ -d "$WORK/gen-$N" ] || "$T" generate --sources "$N" --out "$WORK/gen-$N" > /dev/null
TOOLS=()
for v in $VARIANTS; do TOOLS+=("toolkit-build $v|$A build $WORK/full-$N -s -j 2 --variant $v"); done
command -v ninja > /dev/null && TOOLS+=("ninja|env PATH=$STAND:$PATH ninja -C $WORK/full-$N -j 2")
command -v samu > /dev/null && TOOLS+=("samu|env PATH=$STAND:$PATH samu -C $WORK/full-$N -j 2")
echo "sources=$N repeat=$R program=$A load=$(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%FT%TZ)"
declare -A runs
for i in $(seq 1 "$R"); do
  for t in "${TOOLS[@]}"; do
    IFS='|' read -r label command <<< "$t"
    rm -rf "$WORK/full-$N"; cp -r "$WORK/gen-$N" "$WORK/full-$N"; sync
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %M" -o "$WORK/t" $command > /dev/null 2>&1 || { echo "$label: failed"; cat "$WORK/t"; exit 1; }
    runs[$label]+="$(tail -1 "$WORK/t")"$'\n'
  done
done
rm -rf "$WORK/full-$N"
med() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
for t in "${TOOLS[@]}"; do
  IFS='|' read -r label _ <<< "$t"
  data=${runs[$label]}
  printf '%-26s %7s s %6s u %9s KB   (peaks: %s)\n' "$label" "$(awk 'NF{print $1}' <<< "$data" | med)" \
    "$(awk 'NF{print $2}' <<< "$data" | med)" "$(awk 'NF{print $3}' <<< "$data" | med)" "$(awk 'NF{printf "%s ", $3}' <<< "$data")"
done
