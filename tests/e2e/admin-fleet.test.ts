import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api.js";
import { adminClient } from "../support/admin.js";
import { closeTestDb, testDb } from "../support/db.js";
import { env } from "../support/env.js";
import { imageByName, signedInClient } from "../support/factories.js";
import { waitFor } from "../support/stack.js";

const host = { hostname: "h", cores: 1, memoryMb: 512, dockerVersion: "x", agentVersion: "x", publishHost: "127.0.0.1" };
const register = (token: string) =>
  new ApiClient(env.managerUrl.replace("/graphql", "")).gql(
    `mutation($t:String!,$h:HostFactsInput!){ registerAgent(enrollmentToken:$t, host:$h){ serverId } }`,
    { t: token, h: host },
  );

describe.runIf(inject("stackStarted"))("administering zones, tokens and limits", () => {
  afterAll(() => closeTestDb());

  it("creates, renames and deletes a zone, refusing to delete one in use", async () => {
    const admin = await adminClient();
    const name = `z-${randomBytes(3).toString("hex")}`;
    const zone = (await admin.ok<{ createZone: { id: string } }>(`mutation($n:String!){ createZone(input:{name:$n, searchAlternateZones:true}){ id } }`, { n: name })).createZone;
    const dup = await admin.gql(`mutation($n:String!){ createZone(input:{name:$n}){ id } }`, { n: name });
    expect(dup.errors?.[0].extensions?.code).toBe("CONFLICT");
    const renamed = await admin.ok<{ updateZone: { name: string } }>(`mutation($id:ID!,$n:String!){ updateZone(id:$id, input:{name:$n}){ name } }`, { id: zone.id, n: `${name}-x` });
    expect(renamed.updateZone.name).toBe(`${name}-x`);

    const { client } = await signedInClient();
    const me = await client.ok<{ me: { id: string } }>(`{ me { id } }`);
    await testDb().user.update({ where: { id: me.me.id }, data: { zoneId: zone.id } });
    const refused = await admin.gql(`mutation($id:ID!){ deleteZone(id:$id){ id } }`, { id: zone.id });
    expect(refused.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(refused.errors?.[0].message).toMatch(/in use by 0 server\(s\) and 1 user\(s\)/);
    await testDb().user.update({ where: { id: me.me.id }, data: { zoneId: null } });
    await admin.ok(`mutation($id:ID!){ deleteZone(id:$id){ id } }`, { id: zone.id });
  });

  it("issues enrollment tokens once, lists them masked, and revokes them at once", async () => {
    const admin = await adminClient();
    const zone = await testDb().zone.findUniqueOrThrow({ where: { name: "default" } });
    const issued = (
      await admin.ok<{ createEnrollmentToken: { token: string; enrollmentToken: { id: string; prefix: string } } }>(
        `mutation($z:ID!){ createEnrollmentToken(zoneId:$z, name:"rack 4"){ token enrollmentToken { id prefix } } }`,
        { z: zone.id },
      )
    ).createEnrollmentToken;
    expect(issued.token.startsWith(issued.enrollmentToken.prefix)).toBe(true);
    const listed = await admin.ok<{ enrollmentTokens: Record<string, unknown>[] }>(`query($z:ID!){ enrollmentTokens(zoneId:$z){ id prefix name revokedAt } }`, { z: zone.id });
    expect(JSON.stringify(listed)).not.toContain(issued.token);

    await admin.ok(`mutation($id:ID!){ revokeEnrollmentToken(id:$id){ revokedAt } }`, { id: issued.enrollmentToken.id });
    const r = await register(issued.token);
    expect(r.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps zone and server administration for administrators", async () => {
    const { client } = await signedInClient();
    for (const q of [`{ servers { id } }`, `{ zones { id } }`, `{ managers { id } }`, `mutation { createZone(input:{name:"nope"}){ id } }`]) {
      const r = await client.gql(q);
      expect(r.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect((await new ApiClient().gql(`{ servers { id } }`)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("limits how many sessions one user runs at once, with its own error", async () => {
    const { client } = await signedInClient();
    const tiny = await imageByName("tiny");
    const launch = () => client.gql<{ requestSession: { id: string } }>(`mutation($i:ID!){ requestSession(imageId:$i){ id } }`, { i: tiny.id });
    const results = await Promise.all([launch(), launch(), launch()]);
    const ok = results.filter((r) => r.data?.requestSession);
    expect(ok).toHaveLength(2);
    const refused = results.find((r) => r.errors)!;
    expect(refused.errors![0].extensions?.code).toBe("CONFLICT");
    expect(refused.errors![0].message).toMatch(/you already have 2 sessions \(the limit is 2\)/);
    for (const r of ok) await client.ok(`mutation($id:ID!){ destroySession(id:$id){ id } }`, { id: r.data!.requestSession.id });
    await waitFor("both to end", async () => (await testDb().session.count({ where: { id: { in: ok.map((r) => r.data!.requestSession.id) }, status: "STOPPED" } })) === 2, 10_000);
  });
});
