#!/usr/bin/env bash
# Builds Helm from its Go module into the per-version cache (as e2e/cluster/build-binaries.sh
# builds the control plane), for the chart's tests. Prints the binary's path on its last line.
set -euo pipefail

HELM_VERSION="${ROUTEBOARD_HELM_VERSION:-v3.19.0}"
CACHE="${ROUTEBOARD_CACHE:-$HOME/.cache/routeboard}"
OUT="$CACHE/bin/helm-$HELM_VERSION"

if [ -x "$OUT/helm" ]; then
  echo "$OUT/helm"
  exit 0
fi
command -v go >/dev/null || { echo "build-helm: Go is not installed (needed once to build Helm)" >&2; exit 1; }
mkdir -p "$CACHE"
exec 9>"$CACHE/build-helm.lock"
flock 9
if [ -x "$OUT/helm" ]; then
  echo "$OUT/helm"
  exit 0
fi
mkdir -p "$OUT.tmp"
if ! GOBIN="$OUT.tmp" CGO_ENABLED=0 GOFLAGS=-mod=mod go install -trimpath -ldflags "-s -w" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"; then
  echo "build-helm: cannot build helm.sh/helm/v3/cmd/helm@$HELM_VERSION from the Go module proxy" >&2
  exit 1
fi
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
echo "$OUT/helm"
