import { describe, expect, it } from "vitest";
import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from "graphql";
import { sharedSubscribe } from "./shared-subscribe.js";

type Ctx = { who: string };

/** A subscription whose events every subscriber receives as the same objects, like the Redis event target's. */
function fixture() {
  const listeners = new Set<(e: object) => void>();
  let executions = 0;
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: "Subscription",
      fields: {
        said: {
          type: GraphQLString,
          args: { room: { type: GraphQLString } },
          subscribe: async function* () {
            const queue: object[] = [];
            let wake: (() => void) | null = null;
            const listener = (e: object) => {
              queue.push(e);
              wake?.();
            };
            listeners.add(listener);
            try {
              for (;;) {
                while (queue.length) yield queue.shift();
                await new Promise<void>((r) => (wake = r));
              }
            } finally {
              listeners.delete(listener);
            }
          },
          resolve: (event: { text: string }, args: { room?: string }, ctx: Ctx) => {
            executions++;
            if (ctx.who === "stranger") throw new Error("not yours");
            return `${ctx.who} in ${args.room ?? "-"}: ${event.text}`;
          },
        },
      },
    }),
  });
  const publish = (e: object) => listeners.forEach((l) => l(e));
  return { schema, publish, executions: () => executions, listeners };
}

const subscribe = sharedSubscribe((args) => (args.contextValue as Ctx).who);

async function open(f: ReturnType<typeof fixture>, who: string, room = "a") {
  const res = await subscribe({ schema: f.schema, document: parse(`subscription($r: String) { said(room: $r) }`), variableValues: { r: room }, contextValue: { who } });
  return (res as AsyncIterableIterator<ExecutionResult>)[Symbol.asyncIterator]();
}

describe("sharedSubscribe", () => {
  it("works out an event once per actor and operation, and gives each subscriber its own group's answer", async () => {
    const f = fixture();
    const subs = [await open(f, "ann"), await open(f, "ann"), await open(f, "ann"), await open(f, "bob"), await open(f, "ann", "b"), await open(f, "stranger")];
    const firsts = subs.map((s) => s.next());
    await new Promise((r) => setTimeout(r, 10));
    f.publish({ text: "hello" });
    const got = await Promise.all(firsts);
    expect(got.map((g) => g.value?.data?.said ?? g.value?.errors?.[0]?.message)).toEqual([
      "ann in a: hello",
      "ann in a: hello",
      "ann in a: hello",
      "bob in a: hello",
      "ann in b: hello",
      "not yours",
    ]);
    expect(f.executions()).toBe(4); // ann/a, bob/a, ann/b, stranger/a

    // A new event is a new object: worked out again (re-read and re-authorised).
    const seconds = subs.map((s) => s.next());
    await new Promise((r) => setTimeout(r, 10));
    f.publish({ text: "again" });
    await Promise.all(seconds);
    expect(f.executions()).toBe(8);

    // Ending a subscription ends its source.
    for (const s of subs) await s.return?.();
    expect(f.listeners.size).toBe(0);
  });

  it("passes a refusal at subscribe time through as errors", async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
      subscription: new GraphQLObjectType({
        name: "Subscription",
        fields: {
          no: {
            type: GraphQLString,
            subscribe: async () => {
              throw new Error("FORBIDDEN");
            },
          },
        },
      }),
    });
    const res = (await subscribe({ schema, document: parse("subscription { no }"), contextValue: { who: "ann" } })) as ExecutionResult;
    expect(res.errors?.[0]?.message).toBe("FORBIDDEN");
  });
});
