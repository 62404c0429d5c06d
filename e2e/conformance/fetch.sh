#!/usr/bin/env bash
# Extracts the Gateway API conformance cases of one release into the per-machine cache:
#   ~/.cache/routeboard/conformance/gateway-api-<version>/cases.json
# The release defaults to the one e2e/cluster installs (ROUTEBOARD_GATEWAY_API_VERSION,
# else v1.6.3). Modules come through the Go module proxy, as e2e/cluster/crds.ts does;
# the extractor (./extract) is built once per source hash into ~/.cache/routeboard/bin.
# Prints one line: the counts and where cases.json is.
#   usage: e2e/conformance/fetch.sh [version]
set -euo pipefail

VERSION="${1:-${ROUTEBOARD_GATEWAY_API_VERSION:-v1.6.3}}"
CACHE="${ROUTEBOARD_CACHE:-$HOME/.cache/routeboard}"
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/extract" && pwd)"
OUT_DIR="$CACHE/conformance/gateway-api-$VERSION"
OUT="$OUT_DIR/cases.json"

die() { echo "fetch.sh: $*" >&2; exit 1; }

# The source hash names the binary, and marks which extractor wrote cases.json.
hash=$(cd "$SRC" && cat go.mod $(ls *.go | grep -v '_test\.go$' | sort) | sha256sum | cut -c1-16)

count() { sed -n '/"summary": {/,/}/s/.*"'"$1"'": \([0-9]*\).*/\1/p' "$OUT"; }
report() {
  echo "gateway-api $VERSION: $(count tests) tests, $(count conditions) condition cases," \
    "$(count listeners) listener cases, $(count parents) parent cases, $(count requests) request cases," \
    "$(count skipped) skipped -> $OUT"
}

# The module folder cases.json names (tests read the manifests there): gone after `go clean -modcache`.
conf_dir() { sed -n 's/^  "conformanceDir": "\(.*\)",$/\1/p' "$OUT" | head -n1; }

# Fast path: nothing changed since the last run (works offline, without Go).
if [ -f "$OUT" ] && [ "$(cat "$OUT.extractor" 2>/dev/null)" = "$hash" ] && [ -d "$(conf_dir)/tests" ]; then
  report
  exit 0
fi

command -v go >/dev/null || die "Go is not installed (needed once to download sigs.k8s.io/gateway-api $VERSION and build the extractor)"

# Prints the module's folder, or fails with the download error on stderr.
module_dir() {
  local info dir
  info=$(cd "${TMPDIR:-/tmp}" && GOFLAGS=-mod=mod GOWORK=off go mod download -json "$1" 2>&1) || true
  dir=$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    # the first line of go's error, unescaped from JSON
    printf '%s' "$info" | sed -n 's/^[[:space:]]*"Error": "\(.*\)",\{0,1\}$/\1/p' | head -n1 |
      sed 's/\\n.*//; s/\\"/"/g' | cut -c1-300 >&2
    return 1
  fi
  printf '%s\n' "$dir"
}

api_err=$(mktemp)
trap 'rm -f "$api_err"' EXIT
API_DIR=$(module_dir "sigs.k8s.io/gateway-api@$VERSION" 2>"$api_err") ||
  die "cannot download sigs.k8s.io/gateway-api@$VERSION through the Go module proxy (GOPROXY=$(go env GOPROXY)): $(cat "$api_err")"

# Since v1.5 the suite is its own module; before, it is conformance/ of the main one.
if CONF_DIR=$(module_dir "sigs.k8s.io/gateway-api/conformance@$VERSION" 2>"$api_err"); then
  CONF_MODULE=sigs.k8s.io/gateway-api/conformance
elif [ -d "$API_DIR/conformance/tests" ]; then
  CONF_DIR="$API_DIR/conformance"
  CONF_MODULE=sigs.k8s.io/gateway-api
else
  die "cannot download sigs.k8s.io/gateway-api/conformance@$VERSION: $(cat "$api_err")"
fi

BIN="$CACHE/bin/conformance-extract-$hash"
if [ ! -x "$BIN" ]; then
  mkdir -p "$CACHE/bin"
  (cd "$SRC" && CGO_ENABLED=0 GOWORK=off GOFLAGS=-mod=mod go build -buildvcs=false -trimpath -o "$BIN.tmp.$$" .) ||
    die "building the extractor in $SRC failed"
  mv -f "$BIN.tmp.$$" "$BIN" # atomic, so a concurrent run sees a whole binary or none
fi

mkdir -p "$OUT_DIR"
"$BIN" -api "$API_DIR" -version "$VERSION" -conformance-module "$CONF_MODULE" "$CONF_DIR/tests" >"$OUT.tmp.$$" ||
  { rm -f "$OUT.tmp.$$"; die "the extractor failed on $CONF_DIR/tests"; }
mv -f "$OUT.tmp.$$" "$OUT"
echo "$hash" >"$OUT.extractor"
report
