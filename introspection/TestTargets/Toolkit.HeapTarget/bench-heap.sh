#!/usr/bin/env bash
# The heap analyzer's scale benchmark, one command: bench-heap.sh [OBJECTS] [WORKDIR]
#   e.g. introspection/TestTargets/Toolkit.HeapTarget/bench-heap.sh 100000000 /tmp/heap-bench
# Builds the CLI and the heap target (Release), starts the target with a synthetic heap of about OBJECTS objects
# (BigItem + string + int[] per item, lists of 1000), captures it with `toolkit heap snapshot --pid` (read in place:
# the target is not the toolkit's child) and again with `--through-dump` (createdump, then the walk of the dump),
# stops the target, then runs `toolkit heap summarize` and `toolkit heap dominators` on the file, each as a
# whole process under GNU time. Prints one line per step: wall time, CPU (user+sys), peak RSS, bytes of peak RSS per object, rate;
# and the CLI's own --stats lines (time, peak RSS and the graph's bytes by part after load, reduce and dominators).
# Wall times depend on the machine's load: the load average is printed with them.
set -euo pipefail
N=${1:-10000000}
WORK=${2:-/tmp/heap-bench}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
mkdir -p "$WORK"
dotnet build -c Release "$ROOT/harness/Toolkit.Harness" -v q -nologo > "$WORK/build.log"
dotnet build -c Release "$ROOT/introspection/TestTargets/Toolkit.HeapTarget" -v q -nologo >> "$WORK/build.log"
TOOLKIT="$ROOT/harness/Toolkit.Harness/bin/Release/net10.0/toolkit"
TARGET="$ROOT/introspection/TestTargets/Toolkit.HeapTarget/bin/Release/net10.0/Toolkit.HeapTarget.dll"
HEAP="$WORK/big.heap"
rm -f "$HEAP" "$WORK/in.fifo"; mkfifo "$WORK/in.fifo"
sleep 100000 > "$WORK/in.fifo" & HOLDER=$!
dotnet exec "$TARGET" big "$N" < "$WORK/in.fifo" > "$WORK/target.out" & PID=$!
trap 'kill $PID $HOLDER 2>/dev/null || true' EXIT
until grep -q READY "$WORK/target.out" 2>/dev/null; do sleep 1; kill -0 $PID; done
TARGET_RSS=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
step() { # name, then the command
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
  read -r secs kb usr sys < "$WORK/$name.time"
  local objects
  objects=$(grep -o '[0-9,]* objects' "$WORK/snapshot.out" | head -1 | tr -d ', objects')
  printf '%-11s %8.2f s  cpu %8.2f s  peak RSS %8.0f MiB  %6.1f B/object  %6.2f M objects/s  (load %s)\n' "$name" "$secs" "$(echo "$usr+$sys" | bc -l)" "$(echo "$kb/1024" | bc -l)" \
    "$(echo "$kb*1024/$objects" | bc -l)" "$(echo "$objects/$secs/1000000" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  grep '^toolkit: stats' "$WORK/$name.err" | sed 's/^/    /' || true
}
step snapshot "$TOOLKIT" heap snapshot --pid "$PID" -o "$HEAP" --stats
step snapshot-dump "$TOOLKIT" heap snapshot --pid "$PID" -o "$WORK/through-dump.heap" --through-dump --stats
rm -f "$WORK/through-dump.heap"
kill $PID $HOLDER; wait $PID 2>/dev/null || true
echo "target: $N objects asked, VmRSS $((TARGET_RSS / 1024)) MiB; $(cat "$WORK/snapshot.out")"
step load "$TOOLKIT" heap summarize "$HEAP" --include-unreachable --top 1 --stats
step summarize "$TOOLKIT" heap summarize "$HEAP" --top 5 --stats
step dominators "$TOOLKIT" heap dominators "$HEAP" --top 5 --stats
