#!/usr/bin/env bash
# Starts two standalone nodes of NODE_JAR on PORT and PORT+1 (cluster NAME, 3 GB heaps, backup 1, loopback) and
# prints their pids. Usage: nodes.sh NODE_JAR PORT NAME LOGDIR
set -euo pipefail
jar=$1 port=$2 name=$3 logs=$4
mkdir -p "$logs"
other=$((port + 1))
java --add-modules jdk.incubator.vector -Xmx3g -XX:+ExitOnOutOfMemoryError -jar "$jar" --port "$port" \
  --members 127.0.0.1:$other --cluster-name "$name" > "$logs/node-$port.log" 2>&1 &
echo $!
java --add-modules jdk.incubator.vector -Xmx3g -XX:+ExitOnOutOfMemoryError -jar "$jar" --port "$other" \
  --members 127.0.0.1:$port --cluster-name "$name" > "$logs/node-$other.log" 2>&1 &
echo $!
