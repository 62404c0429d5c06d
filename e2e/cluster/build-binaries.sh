#!/usr/bin/env bash
# Builds kube-apiserver and etcd from Go modules into a per-version cache outside the
# repository, so only the first run on a machine pays for the build (10-25 min on 2 cores).
# k8s.io/kubernetes cannot be `go install`ed (it has replace directives), so a small wrapper
# module pins every staging module to its published v0.x twin (kubernetes/kubernetes#79384).
# Prints the folder holding the binaries on its last line.
set -euo pipefail

K8S_VERSION="${ROUTEBOARD_K8S_VERSION:-v1.36.3}"
ETCD_VERSION="${ROUTEBOARD_ETCD_VERSION:-v3.6.16}"
CACHE="${ROUTEBOARD_CACHE:-$HOME/.cache/routeboard}"
OUT="$CACHE/bin/k8s-$K8S_VERSION-etcd-$ETCD_VERSION"

if [ -x "$OUT/kube-apiserver" ] && [ -x "$OUT/etcd" ]; then
  echo "$OUT"
  exit 0
fi

command -v go >/dev/null || { echo "build-binaries: Go is not installed (needed once to build kube-apiserver and etcd)" >&2; exit 1; }

# One build at a time per machine; a second caller waits, then finds the binaries.
mkdir -p "$CACHE"
exec 9>"$CACHE/build.lock"
flock 9
if [ -x "$OUT/kube-apiserver" ] && [ -x "$OUT/etcd" ]; then
  echo "$OUT"
  exit 0
fi

WORK="$CACHE/build/k8s-$K8S_VERSION"
mkdir -p "$WORK" "$OUT.tmp"
cd "$WORK"
staging_minor="v0.${K8S_VERSION#v1.}"

if [ ! -f go.mod ]; then
  go mod init routeboard.local/kube-bins >/dev/null 2>&1
fi
info=$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION" 2>&1 || true)
modfile=$(printf '%s' "$info" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
if [ -z "$modfile" ]; then
  echo "cannot download k8s.io/kubernetes@$K8S_VERSION: $(printf '%s' "$info" | sed -n 's/.*"Error": "\(.*\)".*/\1/p' | head -c 300)" >&2
  exit 1
fi
for m in $(grep '=> ./staging' "$modfile" | awk '{print $1}'); do
  go mod edit -replace="$m=$m@$staging_minor"
done
cat > tools.go <<GO
//go:build tools

package tools

import (
	_ "go.etcd.io/etcd/server/v3"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
)
GO
go get "k8s.io/kubernetes@$K8S_VERSION" "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
go mod tidy
minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
CGO_ENABLED=0 go build -p 2 -trimpath -ldflags "-s -w \
  -X k8s.io/component-base/version.gitVersion=$K8S_VERSION \
  -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor" \
  -o "$OUT.tmp/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver
CGO_ENABLED=0 go build -p 2 -trimpath -ldflags "-s -w" -o "$OUT.tmp/etcd" go.etcd.io/etcd/server/v3
rm -rf "$OUT"
mv "$OUT.tmp" "$OUT"
echo "$OUT"
