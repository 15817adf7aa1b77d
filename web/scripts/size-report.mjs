// Prints the gzip size of the JavaScript and CSS the browser needs for the first page (the
// entry, its static imports, and the static imports of a page chunk, default DashboardPage).
// Usage: node scripts/size-report.mjs [PageName]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL(process.env.DIST ? 'file://' + process.env.DIST + '/' : '../dist', import.meta.url));
const page = process.argv[2] ?? 'DashboardPage';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = readdirSync(join(dist, 'assets'));
const seen = new Set();
const queue = [];
for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) queue.push(m[1]);
const pageChunk = assets.find((a) => a.startsWith(`${page}-`) && a.endsWith('.js'));
if (pageChunk) queue.push(`assets/${pageChunk}`);
while (queue.length) {
  const f = queue.shift();
  if (seen.has(f)) continue;
  seen.add(f);
  if (!f.endsWith('.js')) continue;
  const src = readFileSync(join(dist, f), 'utf8');
  // static imports only: `import … from "./x.js"` and `import "./x.js"`
  for (const m of src.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["']\.\/([^"']+\.(?:js|css))["']/g)) {
    queue.push(`assets/${m[1]}`);
  }
}
let total = 0;
for (const f of [...seen].sort()) {
  const gz = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(8)} KiB  ${f}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} KiB  total gzip for ${page} (JS + CSS)`);
