import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * `node --import tsx --import ./test/fakes/electron-stand-in/register.ts out/main/index.js` runs the built main
 * process with `electron` resolved to the stand-in.
 */
const standIn = pathToFileURL(new URL('./index.ts', import.meta.url).pathname).href;
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return next(${JSON.stringify(standIn)}, context);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
