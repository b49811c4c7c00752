#!/usr/bin/env bash
# The node image's root file system: gridlearn-node.jar in /opt/gridlearn, a jlinked Java runtime in /opt/java and the few
# shared libraries it loads (glibc, libstdc++, zlib, the dynamic loader), copied from the build machine, so
# that the image can start FROM scratch. Run by Maven (node-image/pom.xml) as:
#   runtime-layer.sh NODE_JAR OUT_DIR
# jdeps lists the modules the jar uses; jdk.incubator.vector (loaded with --add-modules, so jdeps cannot see a
# need), jdk.crypto.ec (TLS with elliptic curves: Enterprise TLS, the Kubernetes API) and jdk.management
# (Hazelcast's operating-system metrics, looked up reflectively) are added by hand. java.desktop is there for
# java.beans, which is plain Java: its native libraries (AWT, fonts, sound, images) would only pull X11 and
# friends into the image, so they are left out.
set -euo pipefail
jar=$1
out=$2
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jdeps=$java_home/bin/jdeps
jlink=$java_home/bin/jlink
[ -f "$jar" ] || { echo "runtime-layer.sh: $jar is missing: build grid-nodes first (mvn verify from the top)" >&2; exit 2; }
[ -x "$jlink" ] || { echo "runtime-layer.sh: no jlink in $java_home: a full JDK is needed to build the image" >&2; exit 2; }
command -v ldd > /dev/null || { echo "runtime-layer.sh: ldd is missing (glibc's libc-bin)" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"

modules=$("$jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
modules="$modules,jdk.incubator.vector,jdk.crypto.ec,jdk.management"
echo "runtime-layer.sh: jlink --add-modules $modules"
"$jlink" --add-modules "$modules" --exclude-files='/java.desktop/lib/**' --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$out/opt/java"

# every shared library an ELF file of the runtime needs, at the path the loader looks for it (the runtime's
# own libraries, found through their RUNPATH, stay where they are); one the build machine lacks fails the build
libs=$(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -print0 \
  | xargs -0 -n 1 ldd 2> /dev/null \
  | awk '/=> \// { print $3 } /^\t\/[^ ]*ld-linux/ { print $1 } / => not found/ { print "MISSING " $1 }' | sort -u)
while read -r lib; do
  [ -n "$lib" ] || continue
  case "$lib" in
    MISSING*)
      name=${lib#MISSING }
      if [ -z "$(find "$out/opt/java" -name "$name" -print -quit)" ]; then
        echo "runtime-layer.sh: the runtime needs $name, which this machine does not have" >&2
        exit 1
      fi
      continue ;;
    "$out"/*) continue ;;   # the runtime's own libraries
  esac
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done <<< "$libs"

mkdir -p "$out/opt/gridlearn"
cp "$jar" "$out/opt/gridlearn/gridlearn-node.jar"

# name resolution from /etc/hosts first, then DNS (glibc >= 2.34 has both in libc itself); a user for the
# member to run as, so that user.home and user.name have values
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
printf 'root:x:0:0:root:/root:/sbin/nologin\ngridlearn:x:65532:65532:gridlearn:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\ngridlearn:x:65532:\n' > "$out/etc/group"
echo "runtime-layer.sh: $(du -sh "$out" | cut -f1) in $out"
