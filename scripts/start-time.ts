/**
 * `npm run start-time`: how long the production server takes from process start to `/api/health`
 * answering, on a database that is already migrated (a restart or a deploy, not a first start).
 *
 * Runs the given command (by default `npm start`'s, `node dist/server/main.js`: run
 * `npm run build` first) a few times (RUNS, 7 by default) against one migrated database and
 * prints each start, the CPU the process had used when it answered, and their medians. The server as TypeScript, for comparison:
 * `npm run start-time -- node --import tsx server/main.ts`. `npm run bench` measures the same
 * (its `start` scenario) and prints it against the target.
 */
import { startTimes } from '../tests/bench/start.ts';

const runs = Number(process.env.RUNS ?? 7);
if (!Number.isInteger(runs) || runs < 1 || runs > 50)
  throw new Error('RUNS takes a whole number from 1 to 50');
const given = process.argv.slice(2);
const command = given.length > 0 ? given : ['node', 'dist/server/main.js'];

const { startsMs, medianMs, cpuMs, medianCpuMs } = await startTimes(command, runs);
console.log(`starts (ms): ${startsMs.join(', ')}; CPU at health (ms): ${cpuMs.join(', ')}`);
console.log(`median: ${medianMs} ms over ${runs} starts, ${medianCpuMs} ms of CPU`);
