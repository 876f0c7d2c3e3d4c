/**
 * `npm run build` (after the client): compiles the server into dist/server/ for `npm start`,
 * which then runs it with plain node, without tsx.
 *
 * Two bundles, each one file of ESM for node 20: main.js (the server) and write-worker.js (the
 * database's write thread, which the server starts by path). The packages are bundled in too:
 * loading some 900 modules from node_modules, each resolved, read and compiled on its own, was
 * most of the start (docs/performance.md, "Start time"). Some stay in node_modules, imported as
 * they are (`external` below): the database driver, a native module, and the packages loaded
 * only when configured (Redis, SMTP) or first needed (the common-password list). The files read
 * at run time (drizzle/ and dist/client/) are found from the bundle's place
 * (server/runtime-files.ts), so a deployment copies dist/, drizzle/, package.json and
 * node_modules/ together.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Packages the bundles import from node_modules at run time rather than carry. */
export const external = [
  // A native module: its loader picks the binary built for the platform.
  'libsql',
  // Loaded only with REDIS_URL (server/realtime/cluster.ts) or SMTP_URL (server/mail/transport.ts).
  'redis',
  '@socket.io/redis-streams-adapter',
  'nodemailer',
  // Decompressed when it loads (about 0.2 s of CPU): loaded by the first password check
  // (server/auth/password-policy.ts).
  '@zxcvbn-ts/language-common',
];

/**
 * The bundled packages include CommonJS, which calls `require` for node's modules and may read
 * `__dirname`; in an ES module neither exists, so each bundle defines them for its own place.
 */
const banner = [
  "import { createRequire as __jalonCreateRequire } from 'node:module';",
  "import { dirname as __jalonDirname } from 'node:path';",
  "import { fileURLToPath as __jalonFileURLToPath } from 'node:url';",
  'const require = __jalonCreateRequire(import.meta.url);',
  'const __filename = __jalonFileURLToPath(import.meta.url);',
  'const __dirname = __jalonDirname(__filename);',
].join('\n');

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
    external,
    banner: { js: banner },
    // Less to parse at every start; identifiers keep their names, for readable stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServer();
  console.log(`server built into dist/server/ in ${Math.round(performance.now() - started)} ms`);
}
