import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCES = join(__dirname, '..');

/** Every `*.dto.ts` under the API's sources. */
function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dtoFiles(path);
    return name.endsWith('.dto.ts') ? [path] : [];
  });
}

/** Each exported class of the file, by name, with its body. */
function classesOf(file: string): [string, string][] {
  const text = readFileSync(file, 'utf8');
  const found: [string, string][] = [];
  const start = /^export class (\w+)[^{]*\{/gm;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    // The class ends where its opening brace is closed.
    let depth = 1;
    let end = start.lastIndex;
    for (; end < text.length && depth > 0; end++) {
      if (text[end] === '{') depth += 1;
      if (text[end] === '}') depth -= 1;
    }
    const body = text.slice(match.index, end).replace(/\s+/g, ' ');
    found.push([match[1], body]);
  }
  return found;
}

describe('request body classes', () => {
  // The OpenAPI document names a body's schema after its class: two
  // different classes of one name would show one schema for both.
  it('have names of their own, unless they declare the same fields', () => {
    const seen = new Map<string, { body: string; file: string }>();
    const clashes: string[] = [];
    for (const file of dtoFiles(SOURCES)) {
      for (const [name, body] of classesOf(file)) {
        const earlier = seen.get(name);
        const where = relative(SOURCES, file);
        if (earlier && earlier.body !== body) {
          clashes.push(`${name}: ${earlier.file} and ${where}`);
        }
        seen.set(name, { body, file: where });
      }
    }

    expect(seen.size).toBeGreaterThan(50);
    expect(clashes).toEqual([]);
  });
});
