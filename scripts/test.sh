#!/usr/bin/env bash
# The whole test suite, as CI runs it: types, lint, UI build, manifest + contract tests, unit and
# integration tests, then browser tests against the workbench.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

step "Type check (tsc --strict)"
npx tsc -p tsconfig.json --noEmit

step "Lint (eslint + typescript-eslint)"
npx eslint . --max-warnings=0

step "Build Custom UI"
node scripts/build-ui.mjs

step "Unit, contract and integration tests (jest)"
npx jest --selectProjects unit --ci --silent

step "Browser tests (Chromium via playwright-core)"
node scripts/ensure-chromium.mjs
npx jest --selectProjects e2e --ci --runInBand --silent
