#!/usr/bin/env bash
# `npm test`: every test of Routeboard, on a fresh machine too. It finds or installs what the
# tests need (Debian's Chromium), builds the test control plane on first use (Go), then runs
# the type check, lint, unit tests, the Gateway API conformance cases (fetched once through the Go
# module proxy), integration tests against a real API server, and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s\n' "$*"; }
fail() { echo "npm test: $*" >&2; exit 1; }

step "prerequisites"
echo "node $(node --version) (project-local), $(go version 2>/dev/null || echo 'Go missing'), $(kubectl version --client 2>/dev/null | head -1 || echo 'kubectl missing')"
command -v go >/dev/null || fail "Go (1.26+) is needed to build kube-apiserver and etcd for the tests: install it from https://go.dev/dl/ or your package manager."
command -v kubectl >/dev/null || fail "kubectl is needed: the tests use it as an independent witness of what reached the cluster."
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "Chromium not found at $CHROMIUM: installing Debian's chromium package"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || fail "could not install Chromium; install Debian's chromium package or set CHROMIUM_PATH to a Chromium binary."
fi
bash e2e/cluster/build-binaries.sh >/dev/null || fail "building kube-apiserver and etcd failed (run: bash e2e/cluster/build-binaries.sh)"
bash e2e/deploy/build-helm.sh >/dev/null || fail "building Helm failed (run: bash e2e/deploy/build-helm.sh)"
command -v openssl >/dev/null || fail "openssl is needed: the tests' OpenID provider serves TLS from a test CA made with it."

step "type check"
tsc --noEmit -p .

step "lint (ESLint: typescript-eslint strict, rules of hooks, Next's rules)"
eslint --max-warnings 0 .

step "format (Prettier; npm run format rewrites)"
prettier --check . >/dev/null || { prettier --check . ; fail "files are not formatted: run npm run format"; }

step "unused files and dependencies (knip)"
knip --no-progress --include files,dependencies,unlisted,binaries,unresolved

step "unit tests"
vitest run --project unit

step "Gateway API conformance cases (predictStatus, matchRequest against the suite's assertions)"
vitest run --project conformance

step "integration tests (real kube-apiserver + etcd)"
vitest run --project integration

step "end-to-end tests (Chromium, real control plane)"
playwright test
