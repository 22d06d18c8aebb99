#!/usr/bin/env bash
# Whole-process null build and dry run beside the peers (issue 11): harness/bench-null-build.sh REPO SOURCES WORK [REPEAT]
#   e.g. harness/bench-null-build.sh "$PWD" 10000 /tmp/nb 5   (build first: dotnet build -c Release harness/Toolkit.Harness;
#   for the NativeAOT rows: dotnet publish harness/Toolkit.Build -c Release -r linux-x64 -p:PublishAot=true)
#   VARIANTS="optimized mapped" (default: optimized) picks the variants measured with toolkit build (JIT), the JIT
#   toolkit-build and, when published, the NativeAOT toolkit-build; the baseline (JIT) is always measured.
# null build after a full build and one null build (the mapped variant writes its image after either), dry run on a clean tree,
# and dry run on the built tree, each tool on its own copy of one generated project, peers with the toolkit's stand-in
# cc/ar/ranlib first on PATH. Prints median wall s, user s, sys s and peak RSS KB (wall is not evidence on a loaded machine).
set -euo pipefail
REPO=$1; N=$2; WORK=$3; R=${4:-5}; VARIANTS=${VARIANTS:-optimized}
T=$REPO/harness/Toolkit.Harness/bin/Release/net10.0/toolkit
L=$REPO/harness/Toolkit.Build/bin/Release/net10.0/toolkit-build
A=$REPO/harness/Toolkit.Build/bin/Release/net10.0/linux-x64/publish/toolkit-build
STAND=$WORK/standins; mkdir -p "$STAND"; cp "$REPO"/harness/Toolkit.Harness/Measuring/StandIns/* "$STAND"/; chmod +x "$STAND"/*
[ -d "$WORK/gen-$N" ] || "$T" generate --sources "$N" --out "$WORK/gen-$N" > /dev/null
med() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
measure() { # label, then the command, run REPEAT times
  local label=$1; shift
  local secs=() users=() syss=() kbs=()
  for i in $(seq 1 "$R"); do
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/t" "$@" > /dev/null 2>&1 || { echo "$label: failed"; cat "$WORK/t"; return; }
    read -r s u y k < <(tail -1 "$WORK/t"); secs+=("$s"); users+=("$u"); syss+=("$y"); kbs+=("$k")
  done
  printf '%-40s %7s s %6s u %6s sy %9s KB   (wall runs: %s)\n' "$label" "$(printf '%s\n' "${secs[@]}" | med)" \
    "$(printf '%s\n' "${users[@]}" | med)" "$(printf '%s\n' "${syss[@]}" | med)" "$(printf '%s\n' "${kbs[@]}" | med)" "${secs[*]}"
}
# engines: label, directory name, program, variant
ENGINES=()
for v in $VARIANTS; do
  ENGINES+=("toolkit build $v|jit-$v|$T|$v" "toolkit-build (JIT) $v|lean-$v|$L|$v")
  [ -x "$A" ] && ENGINES+=("toolkit-build (AOT) $v|aot-$v|$A|$v")
done
ENGINES+=("toolkit build baseline|jit-baseline|$T|baseline")
echo "sources=$N repeat=$R variants=$VARIANTS load=$(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%FT%TZ)"
for e in "${ENGINES[@]}" "ninja|ninja|-|-" "samu|samu|-|-"; do
  IFS='|' read -r _ dir _ _ <<< "$e"; rm -rf "$WORK/$dir-$N"; cp -r "$WORK/gen-$N" "$WORK/$dir-$N"
done
for e in "${ENGINES[@]}"; do # dry runs on clean trees
  IFS='|' read -r label dir prog v <<< "$e"; measure "dry run  $label" "$prog" build "$WORK/$dir-$N" -s -n --variant "$v"
done
measure "dry run  ninja" env PATH="$STAND:$PATH" ninja -C "$WORK/ninja-$N" -n
measure "dry run  samu" env PATH="$STAND:$PATH" samu -C "$WORK/samu-$N" -n
# full builds, then one null build each (not reported: it writes the image), then null builds and dry runs on built trees
for e in "${ENGINES[@]}"; do
  IFS='|' read -r label dir prog v <<< "$e"; "$prog" build "$WORK/$dir-$N" -s --variant "$v" > /dev/null; "$prog" build "$WORK/$dir-$N" -s --variant "$v" > /dev/null
done
env PATH="$STAND:$PATH" ninja -C "$WORK/ninja-$N" > /dev/null
env PATH="$STAND:$PATH" samu -C "$WORK/samu-$N" > /dev/null
for e in "${ENGINES[@]}"; do
  IFS='|' read -r label dir prog v <<< "$e"; measure "null build $label" "$prog" build "$WORK/$dir-$N" -s --variant "$v"
done
measure "null build ninja" env PATH="$STAND:$PATH" ninja -C "$WORK/ninja-$N"
measure "null build samu" env PATH="$STAND:$PATH" samu -C "$WORK/samu-$N"
for e in "${ENGINES[@]}"; do
  IFS='|' read -r label dir prog v <<< "$e"; measure "built dry run $label" "$prog" build "$WORK/$dir-$N" -s -n --variant "$v"
done
measure "built dry run ninja" env PATH="$STAND:$PATH" ninja -C "$WORK/ninja-$N" -n
measure "built dry run samu" env PATH="$STAND:$PATH" samu -C "$WORK/samu-$N" -n
echo "ninja null build says: $(env PATH="$STAND:$PATH" ninja -C "$WORK/ninja-$N" | tail -1); samu: $(env PATH="$STAND:$PATH" samu -C "$WORK/samu-$N" | tail -1)"
for v in $VARIANTS; do [ -f "$WORK/jit-$v-$N/.toolkit.image" ] && echo "$v image: $(stat -c %s "$WORK/jit-$v-$N/.toolkit.image") bytes"; done
true
