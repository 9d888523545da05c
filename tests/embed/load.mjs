// Loads the built escalon package the way a Node host would: from bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const pkg = process.env.ESCALON_EMBED_PKG;
if (!pkg) throw new Error('ESCALON_EMBED_PKG must point at the built package (cargo xtask test sets it)');

export const escalon = await import(pathToFileURL(join(pkg, 'escalon.js')).href);
await escalon.init(readFileSync(join(pkg, 'escalon_embed_bg.wasm')));
