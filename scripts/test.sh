#!/usr/bin/env bash
# `npm test`: typecheck, lint and check for import cycles, build the client, then every vitest
# project (unit, integration, e2e). Ends with one line "N passed, N failed" totalled over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
failed_steps=0

bash scripts/ensure-chromium.sh || { echo "Could not install chromium"; failed_steps=$((failed_steps + 1)); }
bash scripts/ensure-redis.sh || { echo "Could not install redis-server"; failed_steps=$((failed_steps + 1)); }
npm run --silent typecheck || failed_steps=$((failed_steps + 1))
npx biome check . || failed_steps=$((failed_steps + 1))
npm run --silent cycles || { echo "import cycles found (npm run cycles)"; failed_steps=$((failed_steps + 1)); }
npm run --silent build >/dev/null || { echo "client build failed"; failed_steps=$((failed_steps + 1)); }

rm -f .tmp/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
vitest_status=$?

node -e '
const fs = require("fs");
let passed = 0, failed = 0;
try {
  const r = JSON.parse(fs.readFileSync(".tmp/vitest.json", "utf8"));
  passed = r.numPassedTests; failed = r.numFailedTests;
  // A file that failed to load has no failed test of its own: count it once.
  if (!r.success && failed === 0) failed = Math.max(1, r.numFailedTestSuites || 0);
} catch { failed += 1; }
const steps = Number(process.argv[1]);
if (steps > 0) console.log(`${steps} check step(s) failed before or around the tests`);
console.log(`${passed} passed, ${failed + steps} failed`);
process.exit(failed + steps > 0 ? 1 : 0);
' "$failed_steps"
summary_status=$?
[ $vitest_status -eq 0 ] && [ $summary_status -eq 0 ]
