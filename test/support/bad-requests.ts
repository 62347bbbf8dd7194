import fc from 'fast-check';
import {
  ACTIONS,
  pathOf,
  type ActionCase,
  type Crew,
} from './station-fault-actions';

/** One request the API must refuse with a 4xx and without effect. */
export interface BadRequest {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string | Buffer;
  contentType?: string;
  /** `valid` (the default), or a broken credential. */
  auth?: 'valid' | 'none' | 'expired' | 'garbage';
}

type Json = Record<string, unknown>;

// The longest each text field may be, in characters (as PostgreSQL counts).
const MAX: Record<string, number> = {
  faultDescription: 2000,
  'reporter.name': 50,
  note: 1000,
  findings: 2000,
  reasonNotFixed: 2000,
  resolutionNote: 2000,
  result: 2000,
  resultSummary: 2000,
  regionalPlatformId: 64,
  inspectorId: 64,
  opsTeamId: 64,
  supplierId: 64,
};

/** Every leaf of a body as [dotted path, value]. */
function leaves(body: Json, prefix = ''): [string, unknown][] {
  return Object.entries(body).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? [[path, value] as [string, unknown], ...leaves(value as Json, path)]
      : [[path, value] as [string, unknown]];
  });
}

function withValue(body: Json, path: string, value: unknown): Json {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...body, [head]: value };
  return {
    ...body,
    [head]: withValue((body[head] as Json) ?? {}, rest.join('.'), value),
  };
}

/** A value of any JSON type but `typeof sample` (and never null). */
function wrongTypeFor(sample: unknown): fc.Arbitrary<unknown> {
  const all: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.string({ maxLength: 8 })],
    // No infinities: JSON has none, and JSON.stringify writes them as null,
    // which an optional field rightly reads as absent.
    [
      'number',
      fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      ),
    ],
    ['boolean', fc.boolean()],
    [
      'object',
      fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.nat(), {
        maxKeys: 2,
      }),
    ],
    ['array', fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 })],
  ];
  const type = Array.isArray(sample) ? 'array' : typeof sample;
  return fc.oneof(...all.filter(([t]) => t !== type).map(([, arb]) => arb));
}

/** The text fields of an action's body, or `note` (refused where unknown). */
function textFields(body: Json): string[] {
  const texts = leaves(body)
    .filter(([, value]) => typeof value === 'string')
    .map(([path]) => path);
  return texts.length > 0 ? texts : ['note'];
}

const FULL_WIDTH = (digit: string) =>
  String.fromCharCode(0xff10 + Number(digit));

/** `text` with at least one ASCII digit turned full-width (０-９). */
function mixedWidth(text: string): fc.Arbitrary<string> {
  const digits = [...text].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
  return fc
    .subarray(digits, { minLength: 1 })
    .map((picked) =>
      [...text]
        .map((ch, i) => (picked.includes(i) ? FULL_WIDTH(ch) : ch))
        .join(''),
    );
}

const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

/** Builds every kind of bad request against one existing ticket. */
export function badRequests(crew: Crew, ticketId: string) {
  const action = fc.constantFrom(...ACTIONS);
  const post = (
    kind: string,
    a: ActionCase,
    body: string | Buffer,
    extra: Partial<BadRequest> = {},
  ): BadRequest => ({
    kind,
    method: 'POST',
    path: pathOf(a, ticketId),
    body,
    ...extra,
  });
  const valid = (a: ActionCase) => a.body(crew);

  const wrongType = action.chain((a) => {
    const body = valid(a);
    const fields = leaves(body);
    const target =
      fields.length > 0
        ? fc.constantFrom(...fields)
        : fc.constant(['note', 'x'] as [string, unknown]);
    return target.chain(([path, sample]) =>
      wrongTypeFor(sample).map((value) =>
        post('wrong type', a, JSON.stringify(withValue(body, path, value))),
      ),
    );
  });

  const unknownProperty = fc
    .tuple(
      action,
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.jsonValue({ maxDepth: 2 }),
      fc.boolean(),
    )
    .map(([a, name, value, nested]) => {
      const body = valid(a);
      const key = `x_${name}`;
      const where = nested && body.reporter ? 'reporter' : '';
      const path = where ? `${where}.${key}` : key;
      return post(
        'unknown property',
        a,
        JSON.stringify(withValue(body, path, value)),
      );
    });

  const prototypeKey = fc
    .tuple(
      action,
      fc.constantFrom(...PROTO_KEYS),
      fc.constantFrom('top', 'nested', 'deep'),
    )
    .map(([a, key, where]) => {
      const poison = `{"polluted":true,"prototype":{"polluted":true}}`;
      const text = JSON.stringify(valid(a));
      const inner = text.slice(1, -1);
      const entry = `"${key}":${poison}`;
      const body =
        where === 'top'
          ? `{${entry}${inner ? `,${inner}` : ''}}`
          : where === 'nested'
            ? `{"x_wrapper":{${entry}}${inner ? `,${inner}` : ''}}`
            : `{"x_list":[{"a":{${entry}}}]${inner ? `,${inner}` : ''}}`;
      return post(`prototype key ${where}`, a, body);
    });

  const deepNesting = fc
    .tuple(action, fc.integer({ min: 7, max: 3000 }), fc.boolean())
    .map(([a, depth, arrays]) => {
      const open = arrays ? '['.repeat(depth) : '{"a":'.repeat(depth);
      const close = arrays ? ']'.repeat(depth) : '}'.repeat(depth);
      const inner = JSON.stringify(valid(a)).slice(1, -1);
      return post(
        'deep nesting',
        a,
        `{"x_deep":${open}1${close}${inner ? `,${inner}` : ''}}`,
      );
    });

  const topLevel = fc
    .tuple(
      action,
      fc.constantFrom(
        'null',
        '[]',
        '[{}]',
        'array-of-valid',
        '"text"',
        '42',
        'true',
        'false',
      ),
    )
    .map(([a, shape]) =>
      post(
        'top-level non-object',
        a,
        shape === 'array-of-valid' ? JSON.stringify([valid(a)]) : shape,
      ),
    );

  const oversizeBody = fc
    .tuple(action, fc.integer({ min: 66_000, max: 200_000 }))
    .map(([a, size]) =>
      post(
        'oversize body',
        a,
        JSON.stringify({ ...valid(a), faultDescription: 'a'.repeat(size) }),
      ),
    );

  const oversizeString = action.chain((a) =>
    fc
      .tuple(
        fc.constantFrom(...textFields(valid(a))),
        fc.constantFrom('a', '汉', '𠀀', '❤️', 'é'),
        fc.integer({ min: 1, max: 300 }),
      )
      .map(([field, unit, over]) => {
        const max = MAX[field] ?? 4000;
        // Enough units to pass the bound in characters (a unit may be two).
        const text = unit.repeat(Math.ceil((max + over) / [...unit].length));
        return post(
          'oversize string',
          a,
          JSON.stringify(withValue(valid(a), field, text)),
        );
      }),
  );

  const invalidUnicode = action.chain((a) =>
    fc
      .tuple(
        fc.constantFrom(...textFields(valid(a))),
        fc.constantFrom(
          '\\ud800',
          '\\udfff',
          '\\udc00x',
          'x\\ud83d',
          'raw-ff',
          'raw-c328',
          'raw-ed-a0-80',
        ),
      )
      .map(([field, broken]) => {
        const marker = 'BROKEN_TEXT_HERE';
        const text = JSON.stringify(withValue(valid(a), field, `ok${marker}`));
        if (!broken.startsWith('raw-')) {
          return post('invalid unicode', a, text.replace(marker, broken));
        }
        const bytes: Record<string, number[]> = {
          'raw-ff': [0xff],
          'raw-c328': [0xc3, 0x28],
          'raw-ed-a0-80': [0xed, 0xa0, 0x80],
        };
        const [before, after] = text.split(marker);
        return post(
          'invalid utf-8 bytes',
          a,
          Buffer.concat([
            Buffer.from(before),
            Buffer.from(bytes[broken]),
            Buffer.from(after),
          ]),
        );
      }),
  );

  const nul = action.chain((a) =>
    fc
      .constantFrom(...textFields(valid(a)))
      .map((field) =>
        post(
          'NUL character',
          a,
          JSON.stringify(withValue(valid(a), field, 'a\u0000b')),
        ),
      ),
  );

  const intake = ACTIONS[0];
  const mixedWidthDigits = fc.oneof(
    mixedWidth('13900001111').map((phone) =>
      post(
        'mixed-width phone',
        intake,
        JSON.stringify(withValue(valid(intake), 'reporter.phone', phone)),
      ),
    ),
    mixedWidth(crew.station.id).map((stationId) =>
      post(
        'mixed-width station id',
        intake,
        JSON.stringify({ ...valid(intake), stationId }),
      ),
    ),
    mixedWidth(ticketId).map((id) =>
      post('mixed-width ticket id', ACTIONS[1], '{}', {
        path: `/station-faults/${id}/create-task`,
      }),
    ),
  );

  const wrongContentType = fc
    .tuple(
      action,
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
      ),
    )
    .map(([a, contentType]) =>
      post('wrong content type', a, JSON.stringify(valid(a)), { contentType }),
    );

  const badAuth = fc
    .tuple(
      action,
      fc.constantFrom('none', 'expired', 'garbage') as fc.Arbitrary<
        'none' | 'expired' | 'garbage'
      >,
    )
    .map(([a, auth]) =>
      post(`bad token (${auth})`, a, JSON.stringify(valid(a)), { auth }),
    );

  const badQuery = fc
    .constantFrom(
      '/station-faults?status=RECORDED&status=CLOSED',
      '/station-faults?status=constructor',
      '/station-faults?__proto__=1',
      '/station-faults?limit=%EF%BC%91%EF%BC%90',
      '/station-faults?limit=-1',
      '/station-faults?regionId=%00',
      '/station-faults?regionId=%ED%A0%80',
      `/station-faults?assigneeId=${'x'.repeat(300)}`,
      '/inbox/__proto__',
      '/inbox/cs-phone-agent?assigneeId[a]=1',
      '/stations/ST-%EF%BC%93%EF%BC%91%EF%BC%90%EF%BC%91%EF%BC%91%EF%BC%95-007',
      '/stations?district=%00',
      '/regions/rp-%00/roster',
      '/commands/not-a-uuid',
      `/station-faults/${ticketId.slice(0, -1)}%EF%BC%91`,
    )
    .map((path): BadRequest => ({
      kind: 'bad query or path',
      method: 'GET',
      path,
    }));

  return fc.oneof(
    wrongType,
    unknownProperty,
    prototypeKey,
    deepNesting,
    topLevel,
    oversizeBody,
    oversizeString,
    invalidUnicode,
    nul,
    mixedWidthDigits,
    wrongContentType,
    badAuth,
    badQuery,
  );
}

/**
 * Bad bodies for the opening action of each other process (the processes
 * beside station faults): a leaf of the wrong type, an unknown property
 * (at the top or nested), a prototype key, a full-width digit in a phone
 * number and an oversize text. Sent with the opener's own token, so only
 * the input is wrong.
 */
export function badProcessRequests(
  openers: readonly { path: string; body: Json }[],
) {
  const opener = fc.constantFrom(...openers);
  const post = (kind: string, path: string, body: Json | string) => ({
    kind,
    method: 'POST' as const,
    path,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const objects = (body: Json) => [
    '',
    ...leaves(body)
      .filter(([, v]) => typeof v === 'object' && v !== null)
      .map(([path]) => path),
  ];
  const at = (body: Json, where: string, key: string, value: unknown) =>
    where
      ? withValue(body, `${where}.${key}`, value)
      : { ...body, [key]: value };

  const wrongType = opener.chain(({ path, body }) =>
    fc
      .constantFrom(...leaves(body))
      .chain(([field, sample]) =>
        wrongTypeFor(sample).map((value) =>
          post('process: wrong type', path, withValue(body, field, value)),
        ),
      ),
  );
  const unknownProperty = opener.chain(({ path, body }) =>
    fc
      .tuple(
        fc.constantFrom(...objects(body)),
        fc.stringMatching(/^[a-z]{1,8}$/),
      )
      .map(([where, name]) =>
        post(
          'process: unknown property',
          path,
          at(body, where, `x_${name}`, 1),
        ),
      ),
  );
  const prototypeKey = opener.chain(({ path, body }) =>
    fc
      .tuple(fc.constantFrom(...objects(body)), fc.constantFrom(...PROTO_KEYS))
      .map(([where, key]) => {
        // JSON.stringify drops `__proto__` set on an object, so the key is
        // written into the text itself.
        const marked = at(body, where, 'x_marker', 1);
        const text = JSON.stringify(marked).replace(
          '"x_marker":1',
          `"${key}":{"polluted":true}`,
        );
        return post('process: prototype key', path, text);
      }),
  );
  const phones = (body: Json) =>
    leaves(body).filter(([field]) => /(^|\.)phone$/.test(field));
  const mixedWidthPhone = fc
    .constantFrom(...openers.filter(({ body }) => phones(body).length > 0))
    .chain(({ path, body }) =>
      fc
        .constantFrom(...phones(body))
        .chain(([field, phone]) =>
          mixedWidth(String(phone)).map((value) =>
            post(
              'process: mixed-width phone',
              path,
              withValue(body, field, value),
            ),
          ),
        ),
    );
  const oversizeString = opener.chain(({ path, body }) =>
    fc
      .constantFrom(...textFields(body))
      .map((field) =>
        post(
          'process: oversize string',
          path,
          withValue(body, field, '长'.repeat(4001)),
        ),
      ),
  );
  return fc.oneof(
    wrongType,
    unknownProperty,
    prototypeKey,
    mixedWidthPhone,
    oversizeString,
  );
}
