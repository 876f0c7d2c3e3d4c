/**
 * `npm run build` (after the client): compiles the server into dist/server/ for `npm start`,
 * which then runs it with plain node, without tsx.
 *
 * Two bundles, each one file of ESM for node 20: main.js (the server) and write-worker.js (the
 * database's write thread, which the server starts by path). Packages stay in node_modules,
 * imported as they are. The files read at run time (drizzle/ and dist/client/) are found from
 * the bundle's place (server/runtime-files.ts), so a deployment copies dist/, drizzle/,
 * package.json and node_modules/ together.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Builds into `outdir` (by default the checkout's dist/server/, emptied first). */
export async function buildServer(outdir = join(repoRoot, 'dist/server')): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: repoRoot,
    entryPoints: { main: 'server/main.ts', 'write-worker': 'server/db/write-worker.ts' },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServer();
  console.log(`server built into dist/server/ in ${Math.round(performance.now() - started)} ms`);
}
