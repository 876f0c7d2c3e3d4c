/**
 * `npm run torture`: hundreds of kill -9 cycles against the real server process, then the
 * figures. Exits non-zero if any acknowledged update was lost or the file is damaged.
 */
import { runTorture } from '../tests/support/durability.ts';

const cycles = Number(process.env.TORTURE_CYCLES ?? 200);
const writers = Number(process.env.TORTURE_WRITERS ?? 4);
const started = Date.now();
const result = await runTorture({
  cycles,
  writers,
  port: Number(process.env.TORTURE_PORT ?? 3917),
  onCycle: (cycle, acked) => {
    if ((cycle + 1) % 10 === 0) console.log(`cycle ${cycle + 1}/${cycles}: ${acked} acknowledged so far`);
  },
});
console.log(
  JSON.stringify(
    { ...result, lost: result.lost.length, seconds: Math.round((Date.now() - started) / 1000) },
    null,
    2,
  ),
);
console.log(
  `${result.acked} acknowledged updates, ${result.lost.length} lost, integrity_check: ${result.integrity}`,
);
process.exit(result.lost.length === 0 && result.integrity === 'ok' ? 0 : 1);
