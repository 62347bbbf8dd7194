#!/usr/bin/env node
// The layer rules of the README's layout, made executable: the domain imports no
// framework, adapter or I/O; no library imports an app. Exits 1 on a breach.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');

function sourcesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const pattern = /(?:from\s+|import\s+|require\()\s*['"]([^'"]+)['"]/g;
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

const NODE_IO =
  /^(node:)?(fs|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster)(\/|$)/;

const rules = [
  {
    name: 'domain is pure',
    applies: (file) => file.startsWith('libs/domain/'),
    forbids: (spec, file) => {
      if (spec.startsWith('.')) return false;
      // The given-when-then helper asserts without jest's globals.
      if (spec === 'node:assert/strict' && file.includes('/testing/'))
        return false;
      if (spec.endsWith('.spec') || file.endsWith('.spec.ts')) {
        return !['@jest/globals'].includes(spec) && !spec.startsWith('.');
      }
      return true;
    },
  },
  {
    name: 'no library imports an app',
    applies: (file) => file.startsWith('libs/'),
    forbids: (spec) =>
      spec.startsWith('@opsdesk/app-') || /(^|\/)apps\//.test(spec),
  },
  {
    name: 'only the runtime and apps wire Nest',
    applies: (file) =>
      file.startsWith('libs/') && !file.startsWith('libs/runtime/'),
    forbids: (spec) => spec.startsWith('@nestjs/'),
  },
  {
    name: 'domain does no I/O',
    applies: (file) => file.startsWith('libs/domain/'),
    forbids: (spec) => NODE_IO.test(spec),
  },
];

const breaches = [];
for (const file of sourcesUnder(join(root, 'libs')).concat(
  sourcesUnder(join(root, 'apps')),
)) {
  const name = relative(root, file);
  for (const spec of importsOf(file)) {
    for (const rule of rules) {
      if (rule.applies(name) && rule.forbids(spec, name)) {
        breaches.push(`${name}: imports '${spec}' (${rule.name})`);
      }
    }
  }
}

if (breaches.length) {
  process.stderr.write(`Layer rules broken:\n  ${breaches.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write('layer rules hold\n');
