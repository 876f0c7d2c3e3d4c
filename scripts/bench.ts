/**
 * `npm run bench [-- --only team,crowd] [--rounds 3]`: Jalon side by side with Hocuspocus 3.
 *
 * Seeds both databases, then for each scenario starts a fresh server process (Jalon, then
 * Hocuspocus, each alone on loopback), drives it from this process with the same workload,
 * and stops it. The team and create scenarios run in rounds (three by default), the two servers
 * alternating which goes first, and reports each figure's median (tests/bench/rounds.ts).
 * Prints one table (figure | Jalon | Hocuspocus | ratio) and writes the raw figures to
 * tests/bench/results/<timestamp>.json. Never part of `npm test`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../server/db/seed/demo.ts';
import { browser } from '../tests/bench/browser.ts';
import { HocusConn, JalonConn, type Product, RawHocusConn, signIn } from '../tests/bench/clients.ts';
import { type ClusterFigures, cluster, renderClusterTable } from '../tests/bench/cluster.ts';
import { type CommitFigures, commits, renderCommitTable } from '../tests/bench/commits.ts';
import { deployCompiledServer } from '../tests/bench/compiled-server.ts';
import { type FloorFigures, floor, renderFloorTable } from '../tests/bench/floor.ts';
import { freePort, jalonEnv, type ServerProcess, startProcess } from '../tests/bench/lib.ts';
import { medianFigures } from '../tests/bench/rounds.ts';
import {
  type Figures,
  SCENARIOS,
  type ScenarioName,
  storedBytes,
  type Target,
} from '../tests/bench/scenarios.ts';
import { EMAILS, FULL_COUNTS, seedDatabases } from '../tests/bench/seed.ts';
import { type StartFigures, startTimes } from '../tests/bench/start.ts';
import { type Results, renderTable } from '../tests/bench/table.ts';
import { renderTargets } from '../tests/bench/targets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ALL: ScenarioName[] = [
  'team',
  'create',
  'floor',
  'commits',
  'crowd',
  'cold',
  'storm',
  'idle',
  'reconnect',
  'browser',
  'cluster',
  'start',
];

/** starts of the compiled server measured by the start scenario (its median is the figure) */
const START_RUNS = 7;

/** rounds of the team and create scenarios, unless --rounds says otherwise (their figures move run to run) */
const TEAM_ROUNDS = 3;
const MAX_ROUNDS = 10;

function parseArgs(argv: string[]): { only: ScenarioName[]; keep: boolean; rounds: number } {
  let only = ALL;
  let keep = false;
  let rounds = TEAM_ROUNDS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--keep') keep = true;
    else if (a === '--rounds' || a.startsWith('--rounds=')) {
      const value = a.includes('=') ? a.slice('--rounds='.length) : argv[++i];
      rounds = Number(value);
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS)
        throw new Error(`--rounds takes a whole number from 1 to ${MAX_ROUNDS} (got "${value ?? ''}")`);
    } else if (a === '--only' || a.startsWith('--only=')) {
      const value = a.includes('=') ? a.slice('--only='.length) : argv[++i];
      const names = (value ?? '').split(',').filter(Boolean);
      const unknown = names.filter((n) => !ALL.includes(n as ScenarioName));
      if (unknown.length || names.length === 0)
        throw new Error(`--only takes some of: ${ALL.join(', ')} (got "${value ?? ''}")`);
      only = names as ScenarioName[];
    } else throw new Error(`unknown argument "${a}" (use --only team,crowd, --rounds 3 or --keep)`);
  }
  return { only, keep, rounds };
}

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main() {
  const { only, keep, rounds } = parseArgs(process.argv.slice(2));
  const startedAt = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'jalon-bench-'));
  const jalonDb = `file:${join(dir, 'jalon.db')}`;
  const hocusDb = `file:${join(dir, 'hocuspocus.db')}`;
  // The server as `npm start` runs it, compiled beside the seeding (not measured).
  const compiled = deployCompiledServer(root, dir);
  const clientDir = join(dir, 'dist/client');
  log(`scenarios: ${only.join(', ')}; working files in ${dir}`);

  // The client build (browser scenario) runs beside the seeding; neither is measured.
  const build = only.includes('browser')
    ? new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            join(root, 'node_modules/vite/bin/vite.js'),
            'build',
            '--outDir',
            clientDir,
            '--emptyOutDir',
            '--logLevel',
            'error',
          ],
          { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
        );
        child.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`client build failed (${code})`)),
        );
      })
    : Promise.resolve();
  const counts = {
    ...FULL_COUNTS,
    idle: only.includes('idle') ? FULL_COUNTS.idle : 0,
    cold: only.includes('cold') ? FULL_COUNTS.cold : 0,
    // a fresh set of projects for each round of create, and one for the floor's relay
    createSets: only.includes('create') || only.includes('floor') ? rounds + 1 : 0,
  };
  const seeded = await seedDatabases(jalonDb, hocusDb, counts);
  const { script: jalonScript } = await compiled;
  await build;
  // The seed leaves about 100 MB of dirty pages, which the kernel writes back over the next
  // 30 s: flush them now, so that they do not slow the first scenario's fsyncs (not measured).
  spawnSync('sync');
  log(`seeded in ${Math.round((Date.now() - startedAt) / 1000)} s`);

  const jalonPort = await freePort();
  const hocusPort = await freePort();
  const jalonUrl = `http://127.0.0.1:${jalonPort}`;
  const startJalon = () =>
    startProcess({
      name: 'jalon',
      script: jalonScript,
      port: jalonPort,
      logFile: join(dir, 'jalon.log'),
      env: jalonEnv({ port: jalonPort, publicUrl: jalonUrl, databaseUrl: jalonDb }),
      ready: async (url) => (await fetch(`${url}/api/me`)).status > 0,
    });
  const startHocus = () =>
    startProcess({
      name: 'hocuspocus',
      script: join(root, 'tests/bench/hocuspocus-server.ts'),
      port: hocusPort,
      logFile: join(dir, 'hocuspocus.log'),
      env: { HOCUS_PORT: String(hocusPort), HOCUS_DB: hocusDb },
      ready: async (url) => (await fetch(url)).status > 0,
    });

  // Sessions of real demo users, made once (sign-in is rate limited) and kept in the database.
  let server: ServerProcess = await startJalon();
  const cookies = {
    lead: await signIn(jalonUrl, EMAILS.lead, DEMO_PASSWORD),
    manager: await signIn(jalonUrl, EMAILS.manager, DEMO_PASSWORD),
    idleLead: await signIn(jalonUrl, EMAILS.idleLead, DEMO_PASSWORD),
  };
  await server.stop();

  const results: Results = {};
  let clusterResults: ClusterFigures | null = null;
  let commitResults: CommitFigures | null = null;
  let floorResults: FloorFigures | null = null;
  let startResults: StartFigures | null = null;
  for (const name of only) {
    if (name === 'start') {
      log(`start: the compiled server, process start to /api/health, ${START_RUNS} starts`);
      try {
        startResults = await startTimes([process.execPath, jalonScript], START_RUNS);
        log(`start: done ${JSON.stringify(startResults)}`);
      } catch (err) {
        log(`start failed: ${err}`);
      }
      continue;
    }
    if (name === 'floor') {
      log('floor: bare Socket.IO relay, storing nothing, then committing each update to a log');
      floorResults = await floor({ root, dir, hocusDb, seeded }).catch((err) => ({
        relay: null,
        committingRelay: null,
        error: String(err),
      }));
      log(`floor: done ${JSON.stringify(floorResults)}`);
      continue;
    }
    if (name === 'commits') {
      log('commits: one durable commit every 6 ms, alone, on the event loop and on the write thread');
      try {
        commitResults = commits(root, dir);
      } catch (err) {
        commitResults = { idle: null, eventLoop: null, thread: null, error: String(err) };
      }
      log(`commits: done ${JSON.stringify(commitResults)}`);
      continue;
    }
    if (name === 'cluster') {
      clusterResults = await cluster({
        script: jalonScript,
        dir,
        databaseUrl: jalonDb,
        seeded,
        cookies,
        log,
      }).catch((err) => ({ threeNodes: null, oneNode: null, error: String(err) }));
      continue;
    }
    if (name === 'browser') {
      server = await startJalon();
      try {
        log('browser: Jalon');
        const figures = await browser(
          jalonUrl,
          cookies.lead,
          seeded,
          () => new JalonConn({ url: jalonUrl, cookie: cookies.lead }),
        );
        results.browser = { jalon: figures, hocuspocus: null };
      } catch (err) {
        results.browser = { jalon: null, hocuspocus: null, error: String(err) };
        log(`browser failed: ${err}`);
      } finally {
        await server.stop();
      }
      continue;
    }
    const entry: (typeof results)[string] = { jalon: null, hocuspocus: null };
    results[name] = entry;
    const roundCount = name === 'team' || name === 'create' ? rounds : 1;
    // Each round's figures (null: that round failed), so that round r pairs with round r.
    const byRound: Record<Product, (Figures | null)[]> = { jalon: [], hocuspocus: [] };
    // Round by round, the servers take turns going first: a drift of the machine over the run
    // (page cache, another process) falls on both alike.
    const runs = Array.from({ length: roundCount }, (_, r) =>
      r % 2 === 0 ? (['jalon', 'hocuspocus'] as const) : (['hocuspocus', 'jalon'] as const),
    ).flat();
    for (const [i, product] of runs.entries()) {
      const round = roundCount > 1 ? ` (round ${Math.floor(i / 2) + 1} of ${roundCount})` : '';
      const start = product === 'jalon' ? startJalon : startHocus;
      server = await start();
      const target: Target = {
        product,
        server,
        seeded,
        round: Math.floor(i / 2),
        connect: (who) =>
          product === 'jalon'
            ? new JalonConn({ url: jalonUrl, cookie: cookies[who] })
            : new HocusConn(`ws://127.0.0.1:${hocusPort}`),
        connectRaw: (who) =>
          product === 'jalon'
            ? new JalonConn({ url: jalonUrl, cookie: cookies[who] }, { apply: false })
            : new RawHocusConn(`ws://127.0.0.1:${hocusPort}`),
        restart: async () => {
          const t0 = performance.now();
          await target.server.stop();
          const t1 = performance.now();
          target.server = await start();
          server = target.server;
          return { stopMs: t1 - t0, startMs: performance.now() - t1 };
        },
        storedBytes: (doc) => storedBytes(product, product === 'jalon' ? jalonDb : hocusDb, doc),
      };
      const t = Date.now();
      try {
        log(`${name}: ${product}${round}`);
        const figures = (await SCENARIOS[name](target)) as Figures;
        byRound[product].push(figures);
        entry[product] = medianFigures(byRound[product].filter((f) => f !== null));
        log(
          `${name}: ${product} done in ${Math.round((Date.now() - t) / 1000)} s ${JSON.stringify(figures)}`,
        );
      } catch (err) {
        byRound[product].push(null);
        entry.error = `${entry.error ? `${entry.error}; ` : ''}${product}: ${err}`;
        log(`${name}: ${product} failed: ${err}`);
      } finally {
        await server.stop();
      }
    }
    if (roundCount > 1) entry.rounds = byRound;
  }

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  const report = {
    startedAt: new Date(startedAt).toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    machine,
    seeded: seeded.sizes,
    results,
    floor: floorResults,
    commits: commitResults,
    cluster: clusterResults,
    start: startResults,
  };
  console.log();
  console.log(renderTable(results));
  if (floorResults) console.log(`\n${renderFloorTable(floorResults, results)}`);
  if (commitResults) console.log(`\n${renderCommitTable(commitResults)}`);
  if (clusterResults) console.log(`\n${renderClusterTable(clusterResults)}`);
  if (startResults)
    console.log(
      `\nstart: compiled server, ${startResults.startsMs.join(', ')} ms (median ${startResults.medianMs}); CPU at health ${startResults.cpuMs.join(', ')} ms (median ${startResults.medianCpuMs})`,
    );
  const targets = renderTargets({ results, floor: floorResults, start: startResults });
  if (targets) console.log(`\nTargets (this run):\n\n${targets}`);
  const outDir = join(root, 'tests/bench/results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`raw figures: ${file}; run took ${report.durationSeconds} s`);
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

// ws emits this on a socket closed while still connecting (a client torn down mid-reconnect):
// not a failure of the run. Anything else still ends it.
process.on('uncaughtException', (err) => {
  if (String(err?.message).includes('closed before the connection was established')) return;
  console.error(err);
  process.exit(1);
});

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
