import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { ManagerClient, ManagerError, ManagerUnreachable, isUnauthenticated } from "./client.js";
import { ReportSessionDocument } from "./generated/graphql.js";

const servers: Server[] = [];
async function serve(handler: RequestListener): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/graphql`;
}
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

const json = (status: number, body: unknown): RequestListener => (_req, res) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};
const input = { sessionId: "aaaaaaaa-0000-4000-8000-000000000001", status: "STOPPED" as const };

describe("ManagerClient", () => {
  it("moves to the next manager when the current one fails, and stays there", async () => {
    const broken = await serve(json(502, { message: "bad gateway" }));
    let seenAuth = "";
    const good = await serve((req, res) => {
      seenAuth = String(req.headers.authorization);
      json(200, { data: { reportSession: true } })(req, res);
    });
    const client = new ManagerClient([broken, good]);
    client.setToken("ba_token");
    expect(await client.request(ReportSessionDocument, { input })).toEqual({ reportSession: true });
    expect(client.url).toBe(good);
    expect(seenAuth).toBe("Bearer ba_token");
  });

  it("moves on from a manager that is not listening", async () => {
    const closed = await serve(() => {});
    servers.pop()!.close();
    const good = await serve(json(200, { data: { reportSession: true } }));
    const client = new ManagerClient([closed, good]);
    await expect(client.request(ReportSessionDocument, { input })).resolves.toEqual({ reportSession: true });
  });

  it("says so when no manager answers", async () => {
    const broken = await serve(json(503, {}));
    await expect(new ManagerClient([broken]).request(ReportSessionDocument, { input })).rejects.toBeInstanceOf(ManagerUnreachable);
  });

  it("passes the manager's refusal through with its code, without failing over", async () => {
    let secondCalled = false;
    const refusing = await serve(json(200, { errors: [{ message: "this operation is for agents", extensions: { code: "UNAUTHENTICATED" } }], data: null }));
    const other = await serve((req, res) => ((secondCalled = true), json(200, { data: { reportSession: true } })(req, res)));
    const err = await new ManagerClient([refusing, other]).request(ReportSessionDocument, { input }).catch((e) => e);
    expect(err).toBeInstanceOf(ManagerError);
    expect(isUnauthenticated(err)).toBe(true);
    expect(err.message).toBe("this operation is for agents");
    expect(secondCalled).toBe(false);
  });
});
