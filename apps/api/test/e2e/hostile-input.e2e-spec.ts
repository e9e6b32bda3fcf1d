import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { adminToken, userToken } from '../factories/auth.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/**
 * Property: whatever a client sends to any route of the OpenAPI document —
 * NUL bytes, very long strings, wrong types, deep nesting, malformed multipart,
 * broken percent-encoding — the API answers below 500 and every error it sends
 * has the `{ code, message, details? }` shape.
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
};
interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  body: 'json' | 'multipart' | null;
  schema?: Schema;
  admin: boolean;
}

const DEPTH = 20_000;
const NESTED_ARRAY = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const NESTED_OBJECT = '{"a":'.repeat(DEPTH / 4) + '1' + '}'.repeat(DEPTH / 4);

/** Strings a hostile or broken client sends. */
const badString = fc.oneof(
  fc.constant('a\u0000b'),
  fc.constant('\u0000'),
  fc.constant('x'.repeat(5000)),
  fc.constant('\ud800'),
  fc.constant('9'.repeat(40)),
  fc.constant('-1'),
  fc.constant('1e309'),
  fc.constant("'; DROP TABLE users; --"),
  fc.constant('=cmd|"/c calc"!A1'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  badString,
  fc.constant(null),
  fc.constant(true),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.constant(0.5),
  fc.constant([]),
  fc.constant({}),
  fc.constant([{ a: 'a\u0000' }]),
  fc.constant({ nested: { deeper: ['\u0000'] } }),
);

function deref(doc: any, s: Schema | undefined): Schema | undefined {
  let out = s;
  for (let i = 0; out?.$ref && i < 10; i++) out = doc.components.schemas[out.$ref.split('/').pop()!];
  if (out?.allOf?.length === 1) return deref(doc, out.allOf[0]);
  return out;
}

/** A plausible value for a schema, so fuzzing reaches past the first check. */
function validish(doc: any, s0: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(doc, s0);
  if (!s || depth > 3) return fc.constant('x');
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.format === 'uuid') return fc.uuid();
  switch (s.type) {
    case 'integer':
      return fc.integer({ min: -2, max: 100_000 });
    case 'number':
      return fc.double({ noNaN: true, min: -10, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(fieldValue(doc, s.items, depth + 1), { maxLength: 3 });
    case 'object':
      return objectOf(doc, s, depth + 1);
    default:
      return fc.string({ maxLength: 12 });
  }
}

function fieldValue(doc: any, s: Schema | undefined, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: validish(doc, s, depth), weight: 2 }, { arbitrary: badValue, weight: 1 });
}

function objectOf(doc: any, s: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(deref(doc, s)?.properties ?? {});
  if (!props.length) return fc.dictionary(fc.string({ maxLength: 8 }), badValue, { maxKeys: 3 });
  return fc.record(Object.fromEntries(props.map(([k, v]) => [k, fieldValue(doc, v, depth)])), {
    requiredKeys: [],
  });
}

function operations(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const params: any[] = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        body: content['application/json'] ? 'json' : content['multipart/form-data'] ? 'multipart' : null,
        schema: content['application/json']?.schema,
        admin: path.startsWith('/api/admin'),
      });
    }
  }
  return ops;
}

/** A path parameter value as it goes on the wire (some deliberately not valid percent-encoding). */
const badPathParam = fc.oneof(
  fc.constant('a%00b'),
  fc.constant('%00'),
  fc.constant('x'.repeat(3000)),
  fc.constant('%zz'),
  fc.constant('%E0%A4%A'),
  fc.constant('-1'),
  fc.constant('9'.repeat(40)),
  fc.uuid(),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);

function fillPath(op: Operation, values: string[]): string {
  let i = 0;
  return op.path.replace(/\{[^}]+\}/g, () => values[i++] ?? 'x');
}

function expectErrorShape(what: string, status: number, body: unknown, text: string): void {
  const where = `${what} → ${status} ${text.slice(0, 300)}`;
  if (status >= 500) throw new Error(`server error: ${where}`);
  if (status < 400) return;
  const b = body as Record<string, unknown> | undefined;
  const ok =
    !!b &&
    typeof b === 'object' &&
    typeof b.code === 'string' &&
    /^[A-Z][A-Z0-9_]+$/.test(b.code) &&
    typeof b.message === 'string' &&
    Object.keys(b).every((k) => ['code', 'message', 'details'].includes(k)) &&
    (b.details === undefined || (typeof b.details === 'object' && b.details !== null));
  if (!ok) throw new Error(`body outside the error shape: ${where}`);
}

jest.setTimeout(180_000);

describe('hostile input over the whole OpenAPI document', () => {
  let t: TestAppWithSim;
  let ops: Operation[];
  let base: string;

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    base = t.config.publicBaseUrl;
    const res = await fetch(`${base}/api/docs-json`);
    ops = operations(await res.json());
  });
  afterAll(async () => t?.close());

  /** One session per route and test: a fuzzed logout ends only that route's token. */
  const tokens = new Map<Operation, Promise<string>>();
  const tokenFor = (op: Operation) => {
    if (!tokens.has(op)) tokens.set(op, op.admin ? adminToken(t, ['admin']) : userToken(t));
    return tokens.get(op)!;
  };
  beforeEach(() => tokens.clear());

  async function send(
    op: Operation,
    url: string,
    init: { body?: string | Buffer; contentType?: string; anonymous?: boolean },
  ): Promise<void> {
    const headers: Record<string, string> = {};
    if (!init.anonymous) headers.authorization = `Bearer ${await tokenFor(op)}`;
    if (init.contentType) headers['content-type'] = init.contentType;
    if (op.method === 'POST' || op.method === 'PUT') headers['idempotency-key'] = randomUUID();
    const res = await fetch(base + url, { method: op.method, headers, body: init.body });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (res.status >= 400 && !(res.headers.get('content-type') ?? '').includes('application/json')) {
      throw new Error(
        `error without JSON: ${op.method} ${url.slice(0, 200)} → ${res.status} ${text.slice(0, 200)}`,
      );
    }
    expectErrorShape(`${op.method} ${url.slice(0, 200)}`, res.status, body, text);
  }

  it('covers the routes of the document', () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.some((o) => o.body === 'multipart')).toBe(true);
  });

  it('malformed path parameters and query strings never reach a 5xx', async () => {
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(badPathParam, { minLength: op.pathParams.length, maxLength: op.pathParams.length }),
          fc.array(fc.tuple(fc.constantFrom(...op.queryParams, 'page', 'q'), badString), { maxLength: 3 }),
          fc.boolean(),
          async (params, query, anonymous) => {
            const qs = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
            const body = op.body === 'json' ? '{}' : undefined;
            const contentType = body ? 'application/json' : undefined;
            await send(op, fillPath(op, params) + (qs ? `?${qs}` : ''), { body, contentType, anonymous });
          },
        ),
        { numRuns: 8, seed: 19 },
      );
    }
  });

  it('malformed JSON bodies (wrong types, NUL, long strings) never reach a 5xx', async () => {
    const doc = await (await fetch(`${base}/api/docs-json`)).json();
    for (const op of ops.filter((o) => o.body === 'json')) {
      const ids = op.pathParams.map(() => randomUUID());
      await fc.assert(
        fc.asyncProperty(fc.oneof(objectOf(doc, op.schema ?? {}), badValue), async (body) => {
          await send(op, fillPath(op, ids), {
            body: JSON.stringify(body),
            contentType: 'application/json',
          });
        }),
        { numRuns: 15, seed: 19 },
      );
    }
  });

  it('deeply nested JSON is refused with 400 on every JSON route', async () => {
    for (const op of ops.filter((o) => o.body === 'json')) {
      for (const body of [NESTED_ARRAY, NESTED_OBJECT]) {
        await send(
          op,
          fillPath(
            op,
            op.pathParams.map(() => randomUUID()),
          ),
          {
            body,
            contentType: 'application/json',
          },
        );
      }
    }
  });

  it('malformed multipart is refused below 500 on every upload route', async () => {
    const bodies: { contentType: string; body: string }[] = [
      { contentType: 'multipart/form-data', body: '--x\r\n\r\nhello' },
      { contentType: 'multipart/form-data; boundary=', body: '--\r\n' },
      {
        contentType: 'multipart/form-data; boundary=xyz',
        body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG',
      },
      {
        contentType: 'multipart/form-data; boundary=xyz',
        body: '--xyz\r\nbroken header\r\n\r\nx\r\n--xyz--',
      },
      { contentType: 'multipart/form-data; boundary=xyz', body: '' },
      {
        contentType: 'multipart/form-data; boundary=xyz',
        body: '--xyz\r\nContent-Disposition: form-data; name="a\u0000"\r\n\r\nv\r\n--xyz--\r\n',
      },
    ];
    for (const op of ops.filter((o) => o.method !== 'GET')) {
      for (const b of bodies) {
        await send(
          op,
          fillPath(
            op,
            op.pathParams.map(() => randomUUID()),
          ),
          b,
        );
      }
    }
  });
});
