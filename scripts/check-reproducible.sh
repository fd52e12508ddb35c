#!/usr/bin/env bash
# Builds the project twice from clean with the release profile and compares the SHA-256 of every jar (main, sources,
# javadoc, test and shaded jars of every module) and of every flattened POM. Prints both hashes of each file and
# exits 1 if any differs, 0 if all are byte-identical.
#
#   scripts/check-reproducible.sh            # mvn -B -ntp -P release clean verify -DskipTests, twice
#   scripts/check-reproducible.sh -o         # extra arguments go to both Maven runs (here: offline)
#
# Tests are skipped: they do not change what is packaged, and the full suite runs in `mvn -B -ntp verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

artifacts() {
  find . -path ./scripts -prune -o -path '*/target/*' \( -name '*.jar' -o -name 'flattened-pom.xml' \) -print \
    | grep -v '/target/.*/' | sed 's|^\./||' | sort
}

build() {
  local into=$1
  shift
  echo "== build into $into: mvn -B -ntp -P release clean verify -DskipTests $*" >&2
  mvn -B -ntp -P release clean verify -DskipTests "$@" > "$work/$into.log" 2>&1 || {
    tail -50 "$work/$into.log" >&2
    echo "build $into failed; full log above" >&2
    exit 2
  }
  mkdir -p "$work/$into"
  artifacts | while read -r f; do
    mkdir -p "$work/$into/$(dirname "$f")"
    cp "$f" "$work/$into/$f"
  done
}

build first "$@"
build second "$@"

status=0
count=0
while read -r f; do
  a=$(sha256sum "$work/first/$f" | cut -d' ' -f1)
  if [ -f "$work/second/$f" ]; then
    b=$(sha256sum "$work/second/$f" | cut -d' ' -f1)
  else
    b=missing
  fi
  if [ "$a" = "$b" ]; then
    printf 'same    %s  %s\n' "$a" "$f"
  else
    printf 'DIFFERS %s  %s\n        %s  (second build)\n' "$a" "$f" "$b"
    status=1
  fi
  count=$((count + 1))
done < <(cd "$work/first" && find . -type f | sed 's|^\./||' | sort)

if ! diff <(cd "$work/first" && find . -type f | sort) <(cd "$work/second" && find . -type f | sort) >&2; then
  echo "the two builds produced different sets of files" >&2
  status=1
fi
if [ "$count" -eq 0 ]; then
  echo "no artifacts found" >&2
  exit 2
fi
if [ "$status" -eq 0 ]; then
  echo "reproducible: $count files byte-identical across two clean builds"
else
  echo "NOT reproducible: see DIFFERS above"
fi
exit "$status"
