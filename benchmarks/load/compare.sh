#!/bin/bash
# Interleaved whole `load` commands through a thin client: two gridlearn checkouts, each with its own pair of
# standalone nodes already running, and for each command its wall time, the client's user/sys CPU and peak RSS
# (/usr/bin/time), the CPU its two nodes spent (/proc), the dataset fingerprint and the load average.
#   OLD=DIR NEW=DIR compare.sh FILE.csv ROUNDS
# DIR/gridlearn is the launcher (with DIR/client/target/gridlearn.jar); DIR/node-pids.txt holds "PORT PID" of its
# two nodes, the first being the one the client connects to; DIR/cluster-name its cluster name. Each round also
# times `datasets` (the start of a command that only asks the grid), to subtract.
set -u
file=$1; rounds=${2:-3}
run() { # tag dir
  local dir=$2 port=$(head -1 "$2/node-pids.txt" | cut -d' ' -f1) name=$(cat "$2/cluster-name")
  local pids=$(cut -d' ' -f2 "$dir/node-pids.txt")
  "$dir/gridlearn" --cluster 127.0.0.1:$port --cluster-name $name drop bench-load >/dev/null 2>&1
  local l=$(uptime | sed 's/.*load average: //')
  local n0=$(for p in $pids; do awk '{print $14+$15}' /proc/$p/stat; done | paste -sd+ | bc)
  local t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S %M" -o /tmp/compare.time.$$ "$dir/gridlearn" --cluster 127.0.0.1:$port --cluster-name $name \
      load "$file" --name bench-load --json > /tmp/compare.out.$$ 2>/dev/null
  local rc=$? t1=$(date +%s.%N)
  local n1=$(for p in $pids; do awk '{print $14+$15}' /proc/$p/stat; done | paste -sd+ | bc)
  local fp=$(grep -o '"fingerprint" *: *"[0-9a-f]*"' /tmp/compare.out.$$ | grep -o '[0-9a-f]\{16\}')
  printf "%s rc=%s wall=%.2f user/sys/maxRSSKB=%s nodeCPU=%.2f fp=%s load=[%s]\n" $1 $rc $(echo "$t1 - $t0" | bc) \
      "$(tail -1 /tmp/compare.time.$$)" $(echo "($n1 - $n0)/100" | bc -l) "$fp" "$l"
  "$dir/gridlearn" --cluster 127.0.0.1:$port --cluster-name $name drop bench-load >/dev/null 2>&1
}
for i in $(seq 1 $rounds); do
  port=$(head -1 "$NEW/node-pids.txt" | cut -d' ' -f1)
  t0=$(date +%s.%N); "$NEW/gridlearn" --cluster 127.0.0.1:$port --cluster-name $(cat "$NEW/cluster-name") datasets >/dev/null 2>&1
  t1=$(date +%s.%N); printf "start(datasets) wall=%.2f\n" $(echo "$t1 - $t0" | bc)
  run old "$OLD"
  run new "$NEW"
done
rm -f /tmp/compare.time.$$ /tmp/compare.out.$$
