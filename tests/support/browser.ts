/**
 * Debian's Chromium driven by playwright-core, for the e2e tests. Playwright's own browser
 * builds are never downloaded: `scripts/ensure-chromium.sh` installs the system one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The built client, or a clear failure telling how to build it. */
export function builtClientDir(repoRoot: string): string {
  // JALON_CLIENT_DIR lets parallel work build into and test against its own copy.
  const dir = process.env.JALON_CLIENT_DIR ?? join(repoRoot, 'dist', 'client');
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(
      `The client is not built (${dir}/index.html is missing): run \`npm run build\` first (\`npm test\` does).`,
    );
  return dir;
}
