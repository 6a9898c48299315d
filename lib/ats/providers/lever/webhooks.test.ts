import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/[provider]/[connectionId]/route";
import { QUEUES } from "@/lib/jobs/definitions";
import { startQueue, stopQueue } from "@/lib/jobs/queue";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeConnection, makeOrg, makeSubscription } from "@/tests/helpers/fixtures";

/** Independent of the code under test: the formula exactly as Lever documents it. */
const sign = (key: string, token: string, triggeredAt: number) => createHmac("sha256", key).update(token + String(triggeredAt)).digest("hex");

function delivery(key: string, overrides: Record<string, unknown> = {}) {
  const token = randomBytes(24).toString("hex");
  const triggeredAt = Date.now();
  return {
    triggeredAt,
    event: "applicationCreated",
    id: randomBytes(8).toString("hex"),
    data: { applicationId: "app-1", opportunityId: "opp-1", contactId: "contact-1" },
    token,
    signature: sign(key, token, triggeredAt),
    ...overrides,
  };
}

async function post(connectionId: string, body: unknown, headers: Record<string, string> = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const req = new Request(`http://localhost/api/webhooks/lever/${connectionId}`, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "Lever-Webhooks", ...headers },
    body: raw,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const res = await POST(req as any, { params: Promise.resolve({ provider: "lever", connectionId }) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; message: string } };
}

describe("Lever webhook intake", () => {
  let t: TestDatabase;
  let connA: { id: string; organizationId: string };
  let connB: { id: string; organizationId: string };
  let keyA: string;
  let keyB: string;

  const jobCount = async () => {
    const rows = await t.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, QUEUES.webhookDelivery.name);
    return rows[0]!.n;
  };
  const deliveries = (connectionId: string) => t.prisma.webhookDelivery.count({ where: { connectionId } });

  beforeAll(async () => {
    t = await createTestDatabase();
    await startQueue({ work: false });
    const orgA = await makeOrg(t.prisma, "Alpha");
    const orgB = await makeOrg(t.prisma, "Beta");
    connA = await makeConnection(t.prisma, orgA);
    connB = await makeConnection(t.prisma, orgB);
    keyA = (await makeSubscription(t.prisma, connA)).signatureToken;
    keyB = (await makeSubscription(t.prisma, connB)).signatureToken;
  });
  afterAll(async () => {
    await stopQueue();
    await t.close();
  });

  it("accepts a delivery signed as Lever documents, records it and enqueues one job", async () => {
    const before = await jobCount();
    const body = delivery(keyA);
    const res = await post(connA.id, body);
    expect(res.status).toBe(200);
    const row = await t.prisma.webhookDelivery.findFirstOrThrow({ where: { connectionId: connA.id, token: body.token } });
    expect(row.organizationId).toBe(connA.organizationId);
    expect(row.externalCandidateId).toBe("opp-1");
    expect(await jobCount()).toBe(before + 1);
    const conn = await t.prisma.atsConnection.findUniqueOrThrow({ where: { id: connA.id } });
    expect(conn.lastWebhookAt).not.toBeNull();
  });

  it("a webhook brings a backed-off reconcile back to once a minute", async () => {
    const later = new Date(Date.now() + 2 * 3600_000);
    await t.prisma.atsConnection.update({ where: { id: connA.id }, data: { lastWebhookAt: null, reconcileIntervalSec: 4 * 3600, nextReconcileAt: later } });
    expect((await post(connA.id, delivery(keyA))).status).toBe(200);
    const conn = await t.prisma.atsConnection.findUniqueOrThrow({ where: { id: connA.id } });
    expect(conn.reconcileIntervalSec).toBe(60);
    expect(conn.nextReconcileAt!.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it("the same delivery five times is recorded and enqueued once", async () => {
    const before = { jobs: await jobCount(), rows: await deliveries(connA.id) };
    const body = delivery(keyA);
    for (let i = 0; i < 5; i++) expect((await post(connA.id, body)).status).toBe(200);
    expect(await deliveries(connA.id)).toBe(before.rows + 1);
    expect(await jobCount()).toBe(before.jobs + 1);
  });

  it.each([
    ["a wrong signature", (b: ReturnType<typeof delivery>) => ({ ...b, signature: "0".repeat(64) }), 401],
    ["a signature of the wrong length", (b: ReturnType<typeof delivery>) => ({ ...b, signature: "abc" }), 401],
    ["a signature that is not hex", (b: ReturnType<typeof delivery>) => ({ ...b, signature: "zz".repeat(32) }), 401],
    // Decoding hex drops an odd trailing digit, so a right signature plus one character decoded equal.
    ["the right signature with one extra hex digit", (b: ReturnType<typeof delivery>) => ({ ...b, signature: `${b.signature}0` }), 401],
    ["a stale triggeredAt", (b: ReturnType<typeof delivery>) => {
      const triggeredAt = Date.now() - 30 * 86400_000;
      return { ...b, triggeredAt, signature: sign(keyA, b.token, triggeredAt) };
    }, 401],
    ["a missing token", (b: ReturnType<typeof delivery>) => ({ ...b, token: undefined }), 400],
    ["a wrong type", (b: ReturnType<typeof delivery>) => ({ ...b, triggeredAt: "yesterday" }), 400],
  ])("refuses %s and stores nothing", async (_name, mutate, status) => {
    const before = { jobs: await jobCount(), rows: await deliveries(connA.id) };
    const res = await post(connA.id, mutate(delivery(keyA)));
    expect(res.status).toBe(status);
    expect(res.body.ok).toBe(false);
    expect(await deliveries(connA.id)).toBe(before.rows);
    expect(await jobCount()).toBe(before.jobs);
  });

  it("refuses a delivery signed with another connection's key", async () => {
    const before = await deliveries(connA.id);
    expect((await post(connA.id, delivery(keyB))).status).toBe(401);
    expect(await deliveries(connA.id)).toBe(before);
  });

  it("refuses the header-style signature many sources describe (HMAC of the raw body in X-Lever-Signature)", async () => {
    const rest: Partial<ReturnType<typeof delivery>> = delivery(keyA);
    delete rest.signature;
    const raw = JSON.stringify(rest);
    const header = createHmac("sha256", keyA).update(raw).digest("hex");
    const res = await post(connA.id, raw, { "x-lever-signature": header });
    expect(res.status).toBe(400);
  });

  it("refuses non-JSON and oversized bodies", async () => {
    expect((await post(connA.id, "not json")).status).toBe(400);
    const huge = { ...delivery(keyA), padding: "x".repeat(200_000) };
    expect((await post(connA.id, huge)).status).toBe(413);
  });

  it("answers 404 for an unknown or disconnected connection", async () => {
    expect((await post("c" + "0".repeat(24), delivery(keyA))).status).toBe(404);
    expect((await post("../../etc", delivery(keyA))).status).toBe(404);
    const org = await makeOrg(t.prisma, "Gamma");
    const gone = await makeConnection(t.prisma, org, { status: "DISCONNECTED" });
    const key = (await makeSubscription(t.prisma, gone)).signatureToken;
    expect((await post(gone.id, delivery(key))).status).toBe(404);
  });

  it("a delivery for connection A never lands in organization B, even with B's ids in the body", async () => {
    const body = delivery(keyA, {});
    const res = await post(connA.id, { ...body, organizationId: connB.organizationId, connectionId: connB.id });
    expect(res.status).toBe(200);
    const row = await t.prisma.webhookDelivery.findFirstOrThrow({ where: { token: body.token, connectionId: connA.id } });
    expect(row.organizationId).toBe(connA.organizationId);
    expect(await t.prisma.webhookDelivery.count({ where: { token: body.token, organizationId: connB.organizationId } })).toBe(0);
  });

  it("records Lever's test delivery (data: {}) without enqueuing work", async () => {
    const before = await jobCount();
    const res = await post(connA.id, delivery(keyA, { data: {} }));
    expect(res.status).toBe(200);
    expect(await jobCount()).toBe(before);
    expect(await t.prisma.webhookDelivery.count({ where: { connectionId: connA.id, status: "TEST" } })).toBe(1);
  });
});
