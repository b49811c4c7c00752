#!/usr/bin/env bash
# The first `fit linear` after two standalone nodes started and loaded the data, then three warm ones, through
# the thin client, whole ./gridlearn commands; three rounds, each side on fresh nodes: nodes with the kernel
# warm-up against nodes started with -Dgridlearn.warmup=false. CSV: java benchmarks/load/LoadCsv.java FILE 1000000
# Usage: benchmarks/first-fit.sh FILE.csv   (results: benchmarks/results/first-fit-*.txt)
set -u
csv="$(realpath "$1")"
cd "$(dirname "$0")/.."
errors=$(mktemp)
F=$(python3 -c "print(','.join('x%d'%j for j in range(50)))")
G=(./gridlearn --cluster 127.0.0.1:5801 --cluster-name drv)
start_nodes() {
  rm -f ${TMPDIR:-/tmp}/first-fit-node*.log
  while ss -ltn | grep -q ":580[12] "; do sleep 0.5; done
  GRIDLEARN_JAVA_OPTS="-Xmx3g $NODEOPTS" ./gridlearn node --port 5801 --members 127.0.0.1:5802 --cluster-name drv > ${TMPDIR:-/tmp}/first-fit-node1.log 2>&1 &
  P1=$!
  GRIDLEARN_JAVA_OPTS="-Xmx3g $NODEOPTS" ./gridlearn node --port 5802 --members 127.0.0.1:5801 --cluster-name drv > ${TMPDIR:-/tmp}/first-fit-node2.log 2>&1 &
  P2=$!
  for i in $(seq 1 120); do
    if grep -q "2 members" ${TMPDIR:-/tmp}/first-fit-node1.log ${TMPDIR:-/tmp}/first-fit-node2.log 2>/dev/null; then return; fi
    sleep 0.5
  done
  echo "nodes did not form a cluster" >&2; exit 1
}
stop_nodes() { kill $P1 $P2; wait $P1 $P2 2>/dev/null; }
t() { local s e; s=$(date +%s.%N); "$@" > $errors.last 2>>$errors || { echo FAIL "$@" >&2; cat $errors.last >&2; }; e=$(date +%s.%N); python3 -c "print('%.2f' % ($e - $s))"; }
for round in 1 2 3; do
  for side in warm nowarm; do
    if [ $side = warm ]; then NODEOPTS=""; else NODEOPTS="-Dgridlearn.warmup=false"; fi
    start_nodes
    "${G[@]}" load "$csv" --name m1 > /dev/null
    st=$(t "${G[@]}" datasets)
    times=""
    for k in 1 2 3 4; do
      times="$times $(t "${G[@]}" fit linear --data m1 --target y --features $F --name f-$side)"
    done
    echo "round $round side $side datasets $st fits(first,warm...) $times load $(cut -d' ' -f1 /proc/loadavg)"
    stop_nodes
  done
done
