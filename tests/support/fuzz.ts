import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from "graphql";
import { env } from "./env.js";

/**
 * A seeded, deterministic source of malformed GraphQL requests for tests/e2e/fuzz.test.ts.
 * It starts from real operations of schema.graphql (every query and mutation, with arguments of
 * the right types) and breaks each in one way: wrong types, missing or unknown arguments and
 * fields, huge strings, deep nesting, bad escapes, broken JSON, wrong content types, batches,
 * oversized bodies, NUL bytes, out-of-range numbers, a thousand aliases, fragment cycles.
 */

/** mulberry32: small, fast and good enough to pick test cases; the same seed gives the same run. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  word(len = 8): string {
    let s = "";
    for (let i = 0; i < len; i++) s += "abcdefghijklmnopqrstuvwxyz0123456789"[this.int(36)];
    return s;
  }
  uuid(): string {
    const h = () => ((this.next() * 2 ** 32) >>> 0).toString(16).padStart(8, "0");
    const [a, b, c, d] = [h(), h(), h(), h()];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}

/** One HTTP request to send; `kind` names the corruption and `op` the operation it broke, for the report. */
export interface FuzzRequest {
  kind: string;
  op?: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

type RootKind = "query" | "mutation" | "subscription";
interface Operation {
  root: RootKind;
  field: GraphQLField<unknown, unknown>;
  args: { arg: GraphQLArgument; value: unknown }[];
}

const schema = buildSchema(readFileSync(join(env.root, "schema.graphql"), "utf8"));
const ROOTS: [RootKind, GraphQLField<unknown, unknown>[]][] = [
  ["query", Object.values(schema.getQueryType()!.getFields())],
  ["mutation", Object.values(schema.getMutationType()!.getFields())],
  ["subscription", Object.values(schema.getSubscriptionType()!.getFields())],
];

/** Every root field of the schema ("query.me", "mutation.checkIn", …): the fuzz breaks each of them. */
export function rootFields(): string[] {
  return ROOTS.flatMap(([root, fields]) => fields.map((f) => `${root}.${f.name}`));
}

export const MB = 1_000_000;
export const JSON_HEADERS = { "content-type": "application/json" };

/** A plausible value of an input type: random ids, so nothing real is ever named. */
function validValue(type: GraphQLInputType, rng: Rng, depth = 0): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, rng, depth);
  if (isListType(type)) return Array.from({ length: 1 + rng.int(2) }, () => validValue(type.ofType, rng, depth + 1));
  if (isEnumType(type)) return rng.pick(type.getValues()).value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      if (required || (depth < 2 && rng.chance(0.3))) out[f.name] = validValue(f.type, rng, depth + 1);
    }
    return out;
  }
  switch (getNamedType(type).name) {
    case "ID":
      return rng.uuid();
    case "Int":
      return rng.int(100);
    case "Float":
      return rng.next();
    case "Boolean":
      return rng.chance(0.5);
    case "DateTimeISO":
      return new Date(Date.UTC(2030, 0, 1)).toISOString();
    default:
      return `fuzz-${rng.word(6)}`;
  }
}

/** Fields to ask for: a few leaves and, sometimes, one nested object (depth-limited). */
function selection(type: GraphQLOutputType, rng: Rng, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (!isObjectType(named) || depth > 2) return "{ __typename }";
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const objects = fields.filter((f) => !isLeafType(getNamedType(f.type)));
  const picked = leaves.filter(() => rng.chance(0.5)).slice(0, 5).map((f) => f.name);
  if (objects.length && rng.chance(0.4)) {
    const o = rng.pick(objects);
    picked.push(`${o.name} ${selection(o.type, rng, depth + 1)}`);
  }
  return `{ ${picked.length ? picked.join(" ") : "__typename"} }`;
}

function operation(rng: Rng, exclude: Set<string>): Operation {
  const [root, fields] = rng.chance(0.05) ? ROOTS[2] : rng.pick(ROOTS.slice(0, 2));
  const field = rng.pick(fields.filter((f) => !exclude.has(f.name)));
  const args = field.args
    .filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || rng.chance(0.4))
    .map((arg) => ({ arg, value: validValue(arg.type, rng) }));
  return { root, field, args };
}

interface Rendered {
  query: string;
  variables: Record<string, unknown>;
}

/** The operation as text: arguments as variables, or (sometimes) inline literals. */
function render(op: Operation, rng: Rng, o: { literals?: boolean; extraArgs?: string; extraFields?: string; selection?: string } = {}): Rendered {
  const defs: string[] = [];
  const passed: string[] = [];
  const variables: Record<string, unknown> = {};
  op.args.forEach(({ arg, value }, i) => {
    if (o.literals) return void passed.push(`${arg.name}: ${literal(value, arg.type)}`);
    defs.push(`$v${i}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $v${i}`);
    variables[`v${i}`] = value;
  });
  if (o.extraArgs) passed.push(o.extraArgs);
  let sel = o.selection ?? selection(op.field.type, rng);
  if (o.extraFields) sel = sel ? sel.replace(/\}\s*$/, ` ${o.extraFields} }`) : `{ ${o.extraFields} }`;
  const call = `${op.field.name}${passed.length ? `(${passed.join(", ")})` : ""} ${sel}`;
  return { query: `${op.root} Fuzz${defs.length ? `(${defs.join(", ")})` : ""} { ${call} }`, variables };
}

/** Any value as a GraphQL literal, right for its type or not (enum names bare, keys unquoted). */
function literal(value: unknown, type?: GraphQLInputType): string {
  const named = type ? getNamedType(type) : undefined;
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, type && isListType(unwrap(type)) ? (unwrap(type) as { ofType: GraphQLInputType }).ofType : type)).join(", ")}]`;
  if (value && typeof value === "object") {
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    return `{${Object.entries(value).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`).join(", ")}}`;
  }
  if (typeof value === "string") return named && isEnumType(named) && /^[A-Z_]+$/.test(value) ? value : JSON.stringify(value);
  return String(value);
}
const unwrap = (t: GraphQLInputType) => (isNonNullType(t) ? t.ofType : t);

/** A POST of `payload` (JSON-encoded unless it is already text or bytes). */
export const post = (kind: string, payload: unknown, headers: Record<string, string> = JSON_HEADERS): FuzzRequest => ({
  kind,
  headers,
  body: typeof payload === "string" || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
});

const WRONG_VALUES: unknown[] = [123, -1, 1.5, "a string", true, { nested: { x: 1 } }, [1, "two", null], null, "", []];
const HUGE_NUMBERS = ["2147483648", "-2147483649", "1e309", "-1e309", "9007199254740993", "1.5", "-0", "0x10", "NaN", "1e-400"];

/** Replaces the value of one argument (deep inside input objects too) with `make(old)`. */
function replaceOne(op: Operation, rng: Rng, pickLeaf: (v: unknown) => boolean, make: (v: unknown) => unknown): boolean {
  const slots: { parent: Record<string | number, unknown>; key: string | number }[] = [];
  const walk = (parent: Record<string | number, unknown>, key: string | number) => {
    const v = parent[key];
    if (pickLeaf(v)) slots.push({ parent, key });
    if (v && typeof v === "object") for (const k of Object.keys(v)) walk(v as Record<string, unknown>, Array.isArray(v) ? Number(k) : k);
  };
  op.args.forEach((a) => walk(a as unknown as Record<string, unknown>, "value"));
  if (!slots.length) return false;
  const s = rng.pick(slots);
  s.parent[s.key] = make(s.parent[s.key]);
  return true;
}

/** Corruptions of the operation itself; each returns a request the server must refuse cleanly. */
const SEMANTIC: Record<string, (op: Operation, rng: Rng) => FuzzRequest> = {
  wrongArgType(op, rng) {
    if (!replaceOne(op, rng, (v) => v !== null && typeof v !== "object", () => rng.pick(WRONG_VALUES))) op.args.push({ arg: op.field.args[0] ?? ({ name: "bogus", type: schema.getType("Int") } as GraphQLArgument), value: rng.pick(WRONG_VALUES) });
    return post("wrongArgType", render(op, rng, { literals: rng.chance(0.3) }));
  },
  missingRequired(op, rng) {
    const required = op.args.filter((a) => isNonNullType(a.arg.type) && a.arg.defaultValue === undefined);
    if (required.length) op.args = op.args.filter((a) => a !== rng.pick(required));
    else replaceOne(op, rng, (v) => !!v && typeof v === "object" && !Array.isArray(v), (v) => ({ ...(v as object), unknownInputField: 1 }));
    return post("missingRequired", render(op, rng, { extraArgs: required.length ? undefined : "notAnArgument: 1" }));
  },
  unknownArg(op, rng) {
    return post("unknownArg", render(op, rng, { extraArgs: `${rng.pick(["zzz", "__proto__", "constructor", "id"])}: ${rng.pick(['"x"', "1", "null", "{a: 1}", "[1]"])}` }));
  },
  unknownField(op, rng) {
    return post("unknownField", render(op, rng, { extraFields: rng.pick(["notAField", "password", "passwordHash secret", "__proto__", "id { deeper }", "...on Nothing { x }"]) }));
  },
  hugeString(op, rng) {
    // About 1 MB on the wire once JSON-encoded: big, but under the 1 MB body limit, so it reaches resolvers.
    const ch = rng.pick(["x", "é", "😀", "\\", "\""]);
    const huge = ch.repeat(Math.floor((0.98 * MB) / (Buffer.byteLength(JSON.stringify(ch)) - 2)));
    if (!replaceOne(op, rng, (v) => typeof v === "string", () => huge)) return post("hugeString", { ...render(op, rng), variables: { unused: huge } });
    return post("hugeString", render(op, rng));
  },
  nulBytes(op, rng) {
    const nul = rng.pick(["\u0000", "a\u0000b", "\u0000".repeat(100), "fuzz\u0000' OR 1=1 --"]);
    if (!replaceOne(op, rng, (v) => typeof v === "string", (v) => `${v}${nul}`)) return post("nulBytes", { ...render(op, rng), variables: { x: nul } });
    return post("nulBytes", render(op, rng, { literals: rng.chance(0.5) }));
  },
  badEscapes(op, rng) {
    const bad = rng.pick(['"\\uZZZZ"', '"\\ud800"', '"\\u00"', '"\\x41"', '"""\\u{110000}"""', '"\\u{D800}"', '"unterminated']);
    const r = render(op, rng, { literals: true });
    if (r.query.includes('"')) return post("badEscapes", { ...r, query: r.query.replace(/"[^"]*"/, bad) });
    return post("badEscapes", render(op, rng, { extraArgs: `s: ${bad}` }));
  },
  loneSurrogates(op, rng) {
    // JSON.stringify writes lone surrogates as \ud800-style escapes: well-formed JSON, ill-formed UTF-16.
    const odd = rng.pick(["\ud800", "x\udc00y", "\udfff\ud800", "\ud83d"]);
    if (!replaceOne(op, rng, (v) => typeof v === "string", () => odd)) return post("loneSurrogates", { ...render(op, rng), variables: { odd } });
    return post("loneSurrogates", render(op, rng));
  },
  outOfRange(op, rng) {
    const num = rng.pick(HUGE_NUMBERS);
    const marker = "__FUZZ_NUMBER__";
    const replaced = replaceOne(op, rng, (v) => typeof v === "number", () => marker);
    const r = render(op, rng, { extraArgs: replaced ? undefined : `first: ${num}` });
    return post("outOfRange", JSON.stringify(r).replace(`"${marker}"`, /^[-0-9.e]+$/.test(num) ? num : JSON.stringify(num)));
  },
  deepSelection(op, rng) {
    const depth = rng.pick([16, 40, 1000, 2500, 5000]);
    const nest = "{ __type(name: \"Query\") " + "{ fields { type ".repeat(depth / 2) + "{ name }" + " } }".repeat(depth / 2) + " }";
    return post("deepSelection", { query: rng.chance(0.5) ? `query ${nest}` : render(op, rng, { selection: "{ x " + "{ x ".repeat(depth) + "}".repeat(depth + 1) }).query });
  },
  deepListLiteral(op, rng) {
    const depth = rng.pick([100, 1500, 4000]);
    return post("deepListLiteral", render(op, rng, { extraArgs: `deep: ${"[".repeat(depth)}1${"]".repeat(depth)}` }));
  },
  deepVariables(op, rng) {
    const depth = rng.pick([1000, 50_000, 200_000]);
    const deep = rng.chance(0.5) ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
    const r = render(op, rng);
    const name = Object.keys(r.variables)[0] && rng.chance(0.5) ? Object.keys(r.variables)[0] : "unused";
    return post("deepVariables", JSON.stringify({ ...r, variables: { ...r.variables, [name]: "__DEEP__" } }).replace('"__DEEP__"', deep));
  },
  aliases(op, rng) {
    const n = rng.pick([1000, 1000, 3000]);
    const field = op.root === "query" && op.args.length === 0 && rng.chance(0.5) ? `${op.field.name} ${selection(op.field.type, rng)}` : "__typename";
    const root = op.root === "subscription" ? "query" : op.root;
    return post("aliases", { query: `${root} { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }` });
  },
  fragmentCycle(op, rng) {
    const t = op.root === "mutation" ? "Mutation" : "Query";
    const kinds = [
      `{ ...A } fragment A on ${t} { ...B } fragment B on ${t} { ...A }`,
      `{ ...A } fragment A on ${t} { __typename ...A }`,
      `{ ...A } fragment A on ${t} { ...A ...A }`,
      `{ ...F0 } ${Array.from({ length: 40 }, (_, i) => `fragment F${i} on ${t} { ...F${i + 1} ...F${i + 1} }`).join(" ")} fragment F40 on ${t} { __typename }`,
    ];
    const chain = () => {
      const n = rng.pick([1000, 3000, 10_000]);
      return `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on ${t} { ...F${i + 1} }`).join(" ")} fragment F${n} on ${t} { __typename }`;
    };
    const doc = rng.chance(0.3) ? chain() : rng.pick(kinds);
    return post("fragmentCycle", { query: `${op.root === "mutation" ? "mutation " : ""}${doc}` });
  },
  directives(op, rng) {
    const d = rng.pick(["@nope", "@skip", '@skip(if: "yes")', "@include(if: $missing)", "@skip(if: true) @skip(if: false)", "@deprecated", `@skip(if: ${"[".repeat(500)}${"]".repeat(500)})`]);
    const r = render(op, rng);
    return post("directives", { ...r, query: r.query.replace(/ \{ /, ` ${d} { `) });
  },
  operationMixups(op, rng) {
    const r = render(op, rng);
    return post("operationMixups", rng.pick([
      { ...r, operationName: "NotThere" },
      { ...r, query: `${r.query} ${r.query}` },
      { ...r, query: `${r.query} { __typename }`, operationName: null },
      { ...r, operationName: 42 },
      { ...r, query: r.query.replace(/^(query|mutation|subscription)/, op.root === "query" ? "mutation" : "query") },
      { ...r, query: r.query.replace(/\$v0/g, "$undeclared") },
      { ...r, query: r.query.replace(/^(\w+) Fuzz\([^)]*\)/, "$1 Fuzz($v0: Int)") },
    ]));
  },
  badVariablesShape(op, rng) {
    const r = render(op, rng);
    const variables = rng.pick(['"{\\"v0\\": 1}"', JSON.stringify([r.variables]), "7", '"null"', "true", '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}']);
    return post("badVariablesShape", `{"query": ${JSON.stringify(r.query)}, "variables": ${variables}}`);
  },
  persistedQuery(op, rng) {
    const r = render(op, rng);
    const hash = rng.pick(["0".repeat(64), "not-a-hash", "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"]);
    const ext = { persistedQuery: { version: rng.pick([1, 2, "1"]), sha256Hash: hash } };
    return post("persistedQuery", rng.chance(0.5) ? { extensions: ext } : { ...r, extensions: ext });
  },
};

/** Corruptions of the HTTP request around a valid operation: the body, its type, the method, headers. */
const TRANSPORT: Record<string, (r: Rendered, rng: Rng) => FuzzRequest> = {
  brokenJson(r, rng) {
    const text = JSON.stringify(r);
    return post("brokenJson", rng.pick([
      text.slice(0, rng.int(text.length)),
      text + rng.pick(["}", "garbage", ",", "\u0000"]),
      text.replace(/:/, ""),
      "",
      "null",
      "[]",
      "true",
      '"a string"',
      "{}",
      '{"query": 1}',
      '{"query": {"a": 1}}',
      '{"query": null}',
      '{"query": ["{ me { id } }"]}',
      '{"variables": {}}',
      "\ufeff" + text,
      `{"query": "{ __typename }", "query": "${r.query.replace(/"/g, '\\"')}"}`,
      '{"__proto__": {"query": "{ __typename }"}}',
      "{".repeat(100_000),
    ]));
  },
  invalidUtf8(r, rng) {
    const text = JSON.stringify(r);
    const at = text.indexOf('"', text.indexOf('"query"') + 8) + 1 + rng.int(10);
    const garbage = Buffer.from(rng.pick([[0xc3, 0x28], [0xff, 0xfe], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0x80], [0x80]]));
    return post("invalidUtf8", Buffer.concat([Buffer.from(text.slice(0, at)), garbage, Buffer.from(text.slice(at))]));
  },
  contentType(r, rng) {
    const type = rng.pick([
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=fuzz",
      "application/graphql",
      "application/xml",
      "application/json; charset=utf-16",
      "application/json; charset=iso-8859-1",
      "application/json; charset=klingon",
      "application/graphql-response+json",
      "*/*",
      "",
    ]);
    const headers: Record<string, string> = type ? { "content-type": type } : {};
    if (rng.chance(0.5)) headers["apollo-require-preflight"] = "true";
    return post("contentType", rng.chance(0.5) ? JSON.stringify(r) : r.query, headers);
  },
  contentEncoding(r, rng) {
    const enc = rng.pick(["gzip", "deflate", "br", "zstd", "identity, gzip", "compress"]);
    return post("contentEncoding", JSON.stringify(r), { ...JSON_HEADERS, "content-encoding": enc });
  },
  batched(r, rng) {
    const n = rng.pick([0, 2, 200]);
    return post("batched", rng.chance(0.2) ? [[r]] : Array.from({ length: n }, () => r));
  },
  oversized(r, rng) {
    const size = Math.round(rng.pick([1.05, 1.5, 3]) * 1024 * 1024);
    return post("oversized", { ...r, variables: { ...r.variables, pad: "x".repeat(size) } });
  },
  method(r, rng) {
    const q = encodeURIComponent(r.query);
    const v = encodeURIComponent(JSON.stringify(r.variables));
    const preflight = rng.chance(0.5) ? { "apollo-require-preflight": "1" } : undefined;
    return rng.pick<FuzzRequest>([
      { kind: "method", method: "GET", path: `/graphql?query=${q}&variables=${v}`, headers: preflight },
      { kind: "method", method: "GET", path: `/graphql?query=${q}&variables=%7B%7Bbroken`, headers: preflight },
      { kind: "method", method: "GET", path: `/graphql?query=${"x".repeat(20_000)}`, headers: preflight },
      { kind: "method", method: "GET", path: "/graphql?query=%E0%A4%A&extensions=%7B", headers: preflight },
      { kind: "method", method: rng.pick(["PUT", "DELETE", "PATCH"]), headers: JSON_HEADERS, body: JSON.stringify(r) },
      { kind: "method", method: "OPTIONS" },
      { kind: "method", method: "HEAD", path: "/graphql" },
    ]);
  },
  otherRoutes(_r, rng) {
    const sid = rng.uuid();
    return rng.pick<FuzzRequest>([
      { kind: "otherRoutes", method: "GET", path: `/auth/link/${rng.pick(["%E0%A4%A", "x".repeat(5000), "..%2F..%2Fetc%2Fpasswd", "%00", "bl_" + rng.word(40)])}` },
      { kind: "otherRoutes", method: "GET", path: `/session/${sid}/`, headers: { cookie: rng.pick(["berth_session=%E0%A4%A", "berth_session=bs_" + rng.word(40), "berth_session=%00"]) } },
      { kind: "otherRoutes", method: "GET", path: `/session/${sid}/${rng.pick(["%2e%2e/%2e%2e/", "?x=%E0%A4%A", "a".repeat(3000)])}`, headers: { authorization: rng.pick(["Bearer %E0", "Basic xx", "Bearer bv_" + rng.word(30)]) } },
      { kind: "otherRoutes", method: "GET", path: "/internal/session-auth", headers: { "x-berth-session-id": rng.pick(["not-a-uuid", "%E0%A4%A", sid, ""]), cookie: "berth_session=%E0%A4%A" } },
      { kind: "otherRoutes", method: "POST", path: "/healthz", headers: JSON_HEADERS, body: "{" },
    ]);
  },
  headers(r, rng) {
    const headers: Record<string, string> = { ...JSON_HEADERS };
    const which = rng.int(6);
    if (which === 0) headers.cookie = rng.pick(["berth_session=%E0%A4%A", "berth_session=%", "berth_session=%00", "berth_session=" + "a".repeat(6000), "=; ;;berth_session", "berth_session=bs_x; berth_session=bs_y"]);
    if (which === 1) headers.authorization = rng.pick(["Bearer", "Bearer ", "Bearer ba_", "Bearer bk_" + "k".repeat(4000), "Basic Zm9vOmJhcg==", "Bearer ba_x extra", "bearer\tba_zzz", "Bearer %E0%A4%A"]);
    if (which === 2) headers["x-real-ip"] = rng.pick(["", "::::", "999.999.999.999", "x".repeat(2000)]);
    if (which === 3) headers.accept = rng.pick(["text/html", "application/xml", "multipart/mixed; deferSpec=20220824", "*/*;q=nope", ""]);
    if (which === 4) headers["x-forwarded-for"] = rng.pick(["", "a, b, c", "x".repeat(3000)]);
    if (which === 5) headers["x-apollo-operation-name"] = "\u00ff".repeat(10);
    return post("headers", JSON.stringify(r), headers);
  },
};

/** Where requests of an actor come from: header sets used for every request of the actor. */
export interface FuzzActor {
  name: string;
  headers: Record<string, string>;
  /** Operations this actor must not call even broken (e.g. signOut would end the user's sign-in). */
  exclude?: string[];
}

export const SEMANTIC_KINDS = Object.keys(SEMANTIC);
export const TRANSPORT_KINDS = Object.keys(TRANSPORT);

/** The `i`-th request of a run; deterministic in (seed, i). Big cases are rarer than small ones. */
export function fuzzRequest(seed: number, i: number, actor: FuzzActor): FuzzRequest {
  const rng = new Rng(seed * 1_000_003 + i);
  const op = operation(rng, new Set(actor.exclude ?? []));
  const big = new Set(["hugeString", "oversized", "deepVariables"]);
  let kind = rng.chance(0.7) ? rng.pick(SEMANTIC_KINDS) : rng.pick(TRANSPORT_KINDS);
  if (big.has(kind) && rng.chance(0.6)) kind = rng.pick(SEMANTIC_KINDS.filter((k) => !big.has(k)));
  const req = kind in SEMANTIC ? SEMANTIC[kind](op, rng) : TRANSPORT[kind](render(op, rng), rng);
  // The corruption's own headers win: a broken cookie replaces the actor's good one.
  return { ...req, op: `${op.root}.${op.field.name}`, headers: { ...actor.headers, ...req.headers } };
}
