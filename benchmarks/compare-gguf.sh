#!/usr/bin/env bash
# Compares GGUF metadata parsing: Headroom (Java) against @huggingface/gguf and node-llama-cpp's readGgufFileInfo.
#
# Writes one realistic file with benchmarks' RealisticGguf (DeepSeek-R1-Distill-Qwen-1.5B Q4_K_M: a 5.2 MB header
# over sparse tensor data), then times each parser on it in its own process, warm: W warm-up parses, then R timed
# parses, median reported. Each parser reads the whole header from the file; the token count each returns is
# printed, so a parser that skipped the tokenizer would show.
#
# Usage (from anywhere): benchmarks/compare-gguf.sh [warm-up rounds, default 5] [timed rounds, default 20]
# Needs: JDK 17+, Maven, Node 20+ and npm (the npm registry, once, for benchmarks/compare/node_modules).
# HEADROOM_SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar instead of building it first.
set -euo pipefail

cd "$(dirname "$0")/.."
warmup=${1:-5}
rounds=${2:-20}
jar=benchmarks/target/benchmarks.jar

if [[ "${HEADROOM_SKIP_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests >&2
fi
if [[ ! -d benchmarks/compare/node_modules ]]; then
  echo "installing benchmarks/compare/node_modules (npm install, versions from package-lock.json) ..." >&2
  # readGgufFileInfo is plain JavaScript: no llama.cpp binaries (optional packages, postinstall) are needed. Not
  # npm ci: node-llama-cpp 3.22.1 names optional binary packages of its version that were never published for some
  # platforms, so the lock file cannot list them and npm ci refuses it; npm install skips them and keeps the lock.
  (cd benchmarks/compare && NODE_LLAMA_CPP_SKIP_DOWNLOAD=true npm install --omit=optional --ignore-scripts \
    --no-audit --no-fund >&2)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file="$work/DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf"

java -cp "$jar" dev.headroom.benchmarks.RealisticGguf "$file" | tee "$work/written"
header=$(sed -n 's/.*header \([0-9]*\) bytes.*/\1/p' "$work/written")

echo "timing: $warmup warm-up + $rounds timed parses each ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs," \
  "java $(java -version 2>&1 | sed -n 's/.*version "\(.*\)".*/\1/p;q'), node $(node --version))"
java -cp "$jar" dev.headroom.benchmarks.GgufParseTiming "$file" "$warmup" "$rounds" | tee "$work/results"
(cd benchmarks/compare && node compare.mjs "$file" "$warmup" "$rounds") | tee -a "$work/results"

awk -v header="$header" '
  $1 == "RESULT" { median[$2] = $3; tokens[$2] = $4; lo[$2] = $5; hi[$2] = $6; order[n++] = $2 }
  END {
    printf "\n%-16s %10s %10s %10s %8s %8s\n", "parser", "median ms", "min ms", "max ms", "MB/s", "tokens"
    for (i = 0; i < n; i++) {
      p = order[i]
      printf "%-16s %10.1f %10.1f %10.1f %8.1f %8d\n", p, median[p], lo[p], hi[p], header / 1000 / median[p], tokens[p]
    }
    print "(tokens: elements of tokenizer.ggml.tokens materialised; headroom-spec counts them without reading them)"
    print ""
    for (i = 0; i < n; i++) {
      h = order[i]
      if (h !~ /^headroom/) continue
      for (j = 0; j < n; j++) {
        js = order[j]
        if (js ~ /^headroom/) continue
        printf "%s is %.1fx faster than %s (median %.1f ms vs %.1f ms)\n", h, median[js] / median[h], js, \
          median[h], median[js]
      }
    }
  }' "$work/results"
