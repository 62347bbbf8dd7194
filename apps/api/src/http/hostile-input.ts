import { isUtf8 } from 'node:buffer';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';
import { codePointLength } from './max-code-points';

/** Bounds every request body and query string must keep. */
export const INPUT_LIMITS = {
  maxDepth: 6,
  maxArrayLength: 50,
  maxKeysPerObject: 40,
  maxNodes: 1000,
  maxKeyLength: 64,
  /** The longest any string may be; each field has its own, smaller bound. */
  maxStringLength: 4000,
  maxQueryValueLength: 200,
} as const;

// Keys that reach an object's prototype when copied with `obj[key] = …`,
// and the names Object.prototype answers for, which a careless reader
// might call as methods.
const FORBIDDEN_KEYS = new Set([
  '__proto__',
  'constructor',
  'prototype',
  ...Object.getOwnPropertyNames(Object.prototype),
]);

const QUERY_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface InputProblem {
  field: string;
  problem: string;
}

/** Why a text cannot be stored as it is, if it cannot. */
function textProblem(text: string, max: number): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode';
  if (codePointLength(text) > max) return `must be at most ${max} characters`;
  return undefined;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/**
 * The first thing wrong with a parsed JSON value, walked without
 * recursion: a prototype key, too deep, too many items, or a text that is
 * too long, not valid Unicode, or holds NUL (which PostgreSQL refuses).
 */
export function inspectJson(
  value: unknown,
  limits = INPUT_LIMITS,
): InputProblem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: '', depth: 0 },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: item, path, depth } = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      return { field: path || 'body', problem: 'has too many values' };
    }
    if (typeof item === 'string') {
      const problem = textProblem(item, limits.maxStringLength);
      if (problem) return { field: path || 'body', problem };
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limits.maxDepth) {
      return { field: path || 'body', problem: 'is nested too deeply' };
    }
    if (Array.isArray(item)) {
      if (item.length > limits.maxArrayLength) {
        return {
          field: path || 'body',
          problem: `must have at most ${limits.maxArrayLength} items`,
        };
      }
      item.forEach((entry, index) =>
        stack.push({ value: entry, path: join(path, index), depth: depth + 1 }),
      );
      continue;
    }
    const keys = Object.keys(item);
    if (keys.length > limits.maxKeysPerObject) {
      return { field: path || 'body', problem: 'has too many properties' };
    }
    for (const key of keys) {
      const field = join(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        return { field, problem: 'is a reserved name' };
      }
      const keyProblem = textProblem(key, limits.maxKeyLength);
      if (keyProblem) return { field: join(path, '?'), problem: keyProblem };
      stack.push({
        value: (item as Record<string, unknown>)[key],
        path: field,
        depth: depth + 1,
      });
    }
  }
  return undefined;
}

function refuse(problem: InputProblem, prefix: string): ApiError {
  const field = `${prefix}${problem.field}`;
  return new ApiError(400, 'INVALID_REQUEST', `Invalid ${field}`, {
    fields: [{ field, problems: [problem.problem] }],
  });
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length !== '0')
  );
}

/**
 * A charset other than UTF-8, when one is named. JSON is UTF-8 (RFC 8259);
 * a body declared otherwise would be read as UTF-8 all the same.
 */
function namesOtherCharset(request: Request): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(
    request.headers['content-type'] ?? '',
  )?.[1];
  return charset !== undefined && !/^utf-?8$/i.test(charset);
}

/**
 * A body in anything but `application/json` in UTF-8 is refused with 415
 * before it is read. (`application/*+json` too: the body parser reads
 * only `application/json`, so such a body would arrive empty and every
 * field be reported missing.)
 */
export function requireJsonBody(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  if (
    METHODS_WITH_BODY.has(request.method) &&
    hasBody(request) &&
    (request.is('application/json') !== 'application/json' ||
      namesOtherCharset(request))
  ) {
    next(
      new ApiError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Request bodies must be application/json in UTF-8',
      ),
    );
    return;
  }
  next();
}

/** body-parser's `verify`: the raw bytes must be valid UTF-8. */
export function verifyUtf8(
  _request: Request,
  _response: Response,
  raw: Buffer,
): void {
  if (!isUtf8(raw)) {
    throw Object.assign(new Error('Request body is not valid UTF-8'), {
      status: 400,
      type: 'encoding.invalid',
    });
  }
}

/**
 * Runs after the JSON parser and before any pipe or DTO: the body must be
 * one JSON object within `INPUT_LIMITS`, and each query value one short
 * string. Nothing here depends on the route, so no route can forget it.
 */
export function rejectHostileInput(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const body: unknown = request.body;
  if (body !== undefined && hasBody(request)) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      next(refuse({ field: 'body', problem: 'must be a JSON object' }, ''));
      return;
    }
    const problem = inspectJson(body);
    if (problem) {
      next(refuse(problem, ''));
      return;
    }
  }
  const query = request.query as Record<string, unknown>;
  for (const [key, value] of Object.entries(query)) {
    // A plain name: no `a[b]` object syntax, no prototype names.
    if (!QUERY_KEY.test(key) || FORBIDDEN_KEYS.has(key)) {
      next(refuse({ field: '?', problem: 'must be a plain name' }, 'query.'));
      return;
    }
    const problem =
      typeof value !== 'string'
        ? 'must be given once, as plain text'
        : textProblem(value, INPUT_LIMITS.maxQueryValueLength);
    if (problem) {
      next(refuse({ field: key, problem }, 'query.'));
      return;
    }
  }
  next();
}
