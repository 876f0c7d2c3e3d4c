/**
 * The Jalon server the benchmark runs: compiled as `npm run build` compiles it, laid out in the
 * bench's working folder as a deployment is (dist/server/, dist/client/, drizzle/, package.json,
 * node_modules/), and started with plain node as `npm start` starts it. The checkout's dist/ is
 * never touched; the bench builds its client, when a scenario needs one, into dist/client/ here.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer } from '../../scripts/build-server.ts';

export interface CompiledServer {
  /** `dist/server/main.js`, the script to start */
  script: string;
  /** where the server serves the client from */
  clientDir: string;
}

export async function deployCompiledServer(root: string, dir: string): Promise<CompiledServer> {
  await buildServer(join(dir, 'dist/server'));
  const clientDir = join(dir, 'dist/client');
  mkdirSync(clientDir, { recursive: true });
  symlinkSync(join(root, 'drizzle'), join(dir, 'drizzle'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  return { script: join(dir, 'dist/server/main.js'), clientDir };
}
