/**
 * The built tab (dist/tab, made by `npm run build:tab`): its page and its hashed assets, read
 * once at start and served from memory. The page is the same for `/` (the tab) and `/config`
 * (the configurable tab's configuration page); the assets' names carry a content hash, so they
 * may be cached for a year.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

/** an asset and its gzip form, compressed once at start (App Service does not compress for Node) */
export type TabAsset = { readonly body: Buffer; readonly gzip: Buffer | null; readonly contentType: string };

/** text assets are worth compressing; images and fonts are compressed already */
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json']);

export type TabAssets = {
  /** the page, index.html */
  readonly page: string;
  /** by file name under assets/ */
  readonly assets: ReadonlyMap<string, TabAsset>;
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** where `npm run build:tab` writes the tab */
export const TAB_DIST_DIR = new URL('../../dist/tab/', import.meta.url).pathname;

/** the built tab, or null when it has not been built (the server then serves the plain overview) */
export function loadTabAssets(dir: string = TAB_DIST_DIR): TabAssets | null {
  const pagePath = join(dir, 'index.html');
  if (!existsSync(pagePath)) {
    return null;
  }
  const assets = new Map<string, TabAsset>();
  const assetDir = join(dir, 'assets');
  if (existsSync(assetDir)) {
    for (const name of readdirSync(assetDir)) {
      const contentType = CONTENT_TYPES[extname(name)];
      if (contentType !== undefined) {
        const body = readFileSync(join(assetDir, name));
        const gzip = COMPRESSIBLE.has(extname(name)) ? gzipSync(body, { level: constants.Z_BEST_COMPRESSION }) : null;
        assets.set(name, { body, gzip, contentType });
      }
    }
  }
  return { page: readFileSync(pagePath, 'utf8'), assets };
}
