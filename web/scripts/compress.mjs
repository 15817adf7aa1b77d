// Writes a gzip (level 9) sibling next to every text asset in dist/, which `giaoban serve`
// sends when the client accepts gzip.
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const exts = new Set(['.js', '.css', '.html', '.svg', '.json']);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

let count = 0;
let raw = 0;
let packed = 0;
for await (const path of walk(dist)) {
  if (!exts.has(extname(path))) continue;
  const data = await readFile(path);
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  await writeFile(path + '.gz', gz);
  const { mtime } = await stat(path);
  void mtime;
  count += 1;
  raw += data.length;
  packed += gz.length;
}
console.log(`compress: ${count} files, ${(raw / 1024).toFixed(1)} KiB -> ${(packed / 1024).toFixed(1)} KiB gzip`);
