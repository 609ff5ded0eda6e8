import { readFileSync } from 'node:fs';

/** gongkai's version, from package.json (recorded in run summaries and used by --resume). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
