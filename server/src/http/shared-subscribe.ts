import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from "graphql";

/**
 * graphql-ws's `subscribe`, answering each event once per audience instead of once per subscriber.
 *
 * An event reaches every subscriber of its topic on this manager as one object (the Redis event
 * target parses a message once and hands the same payload to each listener). Subscribers that
 * run the same operation with the same variables as the same actor get the same answer, so it
 * is worked out once for each such group, and the others share the result: a chat watched from
 * 500 connections of 12 accounts costs 12 executions per message, not 500. Every group is still
 * re-read and re-authorised on every event, exactly as before; only identical work is shared.
 *
 * `audience` names the group of an execution (null: never share it).
 */
export function sharedSubscribe(audience: (args: ExecutionArgs) => string | null) {
  const answers = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  return async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream; // the subscription was refused: its errors
    const group = audience(args);
    const operation = group === null ? "" : `${group}\n${args.operationName ?? ""}\n${JSON.stringify(args.variableValues ?? {})}\n${print(args.document)}`;

    const answer = (payload: unknown): Promise<ExecutionResult> => {
      const run = async () => execute({ ...args, rootValue: payload });
      if (group === null || payload === null || typeof payload !== "object") return run();
      let forEvent = answers.get(payload);
      if (!forEvent) answers.set(payload, (forEvent = new Map()));
      let result = forEvent.get(operation);
      if (!result) forEvent.set(operation, (result = run()));
      return result;
    };
    return mapAsyncIterable(stream, answer);
  };
}

function isAsyncIterable(x: unknown): x is AsyncIterable<unknown> {
  return typeof x === "object" && x !== null && Symbol.asyncIterator in x;
}

/** `source` with each value mapped; ending (return/throw) passes through to the source. */
function mapAsyncIterable<T, U>(source: AsyncIterable<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const it = source[Symbol.asyncIterator]();
  const done = async (): Promise<IteratorResult<U>> => ({ done: true, value: undefined });
  const step = async (r: IteratorResult<T>): Promise<IteratorResult<U>> => (r.done ? { done: true, value: undefined } : { done: false, value: await map(r.value) });
  return {
    next: () => it.next().then(step),
    return: () => (it.return ? it.return().then(done) : done()),
    throw: (e?: unknown) => (it.throw ? it.throw(e).then(step) : Promise.reject(e)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
