/**
 * Where the files the server loads at run time are: the migrations, the built client and the
 * database's write thread. The server runs either as TypeScript through tsx (`npm run dev`, the
 * tests, the bench), from server/, or compiled (`npm start`), bundled into dist/server/main.js:
 * one folder deeper. Both find the same root, the checkout or the deployed copy of it.
 */
import { fileURLToPath } from 'node:url';

/** Whether this is the compiled server: this module is then part of a `.js` bundle. */
export const compiled = !import.meta.url.endsWith('.ts');

const root = new URL(compiled ? '../../' : '../', import.meta.url);

/** A path under the root, e.g. `fromRoot('drizzle')`. */
export function fromRoot(path: string): string {
  return fileURLToPath(new URL(path, root));
}
