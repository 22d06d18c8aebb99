#!/usr/bin/env bash
# Whole-process null build and dry run beside the peers (issue 11): harness/bench-null-build.sh REPO SOURCES WORK [REPEAT]
#   e.g. harness/bench-null-build.sh "$PWD" 10000 /tmp/nb 5   (build first: dotnet build -c Release harness/Toolkit.Harness;
#   for the NativeAOT row: dotnet publish harness/Toolkit.Build -c Release -r linux-x64 -p:PublishAot=true)
# null build after a full build, and dry run on a clean tree, for toolkit build (JIT, optimized and
# baseline), toolkit-build (NativeAOT, optimized), ninja and samu, each on its own copy of one generated project,
# peers with the toolkit's stand-in cc/ar/ranlib first on PATH. Prints median wall s and peak RSS KB.
set -euo pipefail
REPO=$1; N=$2; WORK=$3; R=${4:-5}
T=$REPO/harness/Toolkit.Harness/bin/Release/net10.0/toolkit
A=$REPO/harness/Toolkit.Build/bin/Release/net10.0/linux-x64/publish/toolkit-build
STAND=$WORK/standins; mkdir -p "$STAND"; cp "$REPO"/harness/Toolkit.Harness/Measuring/StandIns/* "$STAND"/; chmod +x "$STAND"/*
[ -d "$WORK/gen-$N" ] || "$T" generate --sources "$N" --out "$WORK/gen-$N" > /dev/null
med() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
measure() { # label, then the command, run REPEAT times
  local label=$1; shift
  local secs=() kbs=()
  for i in $(seq 1 "$R"); do
    /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" > /dev/null 2>&1 || { echo "$label: failed"; cat "$WORK/t"; return; }
    read -r s k < <(tail -1 "$WORK/t"); secs+=("$s"); kbs+=("$k")
  done
  printf '%-34s %8s s %9s KB   (runs: %s)\n' "$label" "$(printf '%s\n' "${secs[@]}" | med)" "$(printf '%s\n' "${kbs[@]}" | med)" "${secs[*]}"
}
echo "sources=$N repeat=$R load=$(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%FT%TZ)"
for tool in opt-jit opt-aot base-jit ninja samu; do
  D=$WORK/$tool-$N; rm -rf "$D"; cp -r "$WORK/gen-$N" "$D"
done
# dry runs on clean trees
measure "dry run  toolkit build optimized" "$T" build "$WORK/opt-jit-$N" -s -n --variant optimized
[ -x "$A" ] && measure "dry run  toolkit-build (AOT) optimized" "$A" build "$WORK/opt-aot-$N" -s -n --variant optimized
measure "dry run  toolkit build baseline" "$T" build "$WORK/base-jit-$N" -s -n --variant baseline
measure "dry run  ninja" env PATH="$STAND:$PATH" ninja -C "$WORK/ninja-$N" -n
measure "dry run  samu" env PATH="$STAND:$PATH" samu -C "$WORK/samu-$N" -n
# full builds (once, not reported as figures), then null builds
"$T" build "$WORK/opt-jit-$N" -s --variant optimized > /dev/null
[ -x "$A" ] && "$A" build "$WORK/opt-aot-$N" -s --variant optimized > /dev/null
"$T" build "$WORK/base-jit-$N" -s --variant baseline > /dev/null
env PATH="$STAND:$PATH" ninja -C "$WORK/ninja-$N" > /dev/null
env PATH="$STAND:$PATH" samu -C "$WORK/samu-$N" > /dev/null
measure "null build toolkit build optimized" "$T" build "$WORK/opt-jit-$N" -s --variant optimized
[ -x "$A" ] && measure "null build toolkit-build (AOT) opt" "$A" build "$WORK/opt-aot-$N" -s --variant optimized
measure "null build toolkit build baseline" "$T" build "$WORK/base-jit-$N" -s --variant baseline
measure "null build ninja" env PATH="$STAND:$PATH" ninja -C "$WORK/ninja-$N"
measure "null build samu" env PATH="$STAND:$PATH" samu -C "$WORK/samu-$N"
echo "ninja null build says: $(env PATH="$STAND:$PATH" ninja -C "$WORK/ninja-$N" | tail -1); samu: $(env PATH="$STAND:$PATH" samu -C "$WORK/samu-$N" | tail -1)"
