import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { serializeBody, signBody } from "@/tools/greenhouse-sim/webhooks";
import { greenhouseEventKind, verifyGreenhouseWebhook } from "./webhooks";

/** Signed deliveries as the simulator signs them (its own signer, not ours), and what is refused. */

const SECRET = "connection-a-secret-0123456789";
const secrets = [{ event: "new_candidate_application", secret: SECRET }];
const NOW = Date.parse("2026-11-30T12:00:00Z");

function delivery(action: string, payload: unknown, { secret = SECRET, eventId = randomUUID() } = {}) {
  const rawBody = serializeBody({ action, payload });
  const headers = new Headers({ signature: `sha256 ${signBody(secret, rawBody)}`, "greenhouse-event-id": eventId, "content-type": "application/json" });
  return { rawBody, headers, eventId };
}

const application = { application: { id: 4242, candidate_id: 77, candidate: { id: 77, first_name: "Zoë" }, jobs: [{ id: 5 }] } };

describe("verifyGreenhouseWebhook", () => {
  it("accepts a delivery signed over its raw bytes and names the candidacy and the event id", () => {
    const d = delivery("new_candidate_application", application);
    expect(d.rawBody).toContain("\\u00eb");
    const verdict = verifyGreenhouseWebhook(d.rawBody, d.headers, NOW, secrets);
    expect(verdict).toEqual({
      ok: true,
      event: { deliveryId: d.eventId, kind: "candidate.created", name: "new_candidate_application", triggeredAt: new Date(NOW), externalCandidateId: "4242", externalApplicationId: "4242", externalPersonId: "77" },
    });
  });

  it("a deleted candidate names the person and the applications deleted with them", () => {
    const d = delivery("delete_candidate", { person: { id: 77, deleted_application_ids: [4242, 4243] } });
    expect(verifyGreenhouseWebhook(d.rawBody, d.headers, NOW, secrets)).toMatchObject({
      ok: true,
      event: { kind: "candidate.deleted", name: "delete_candidate", externalCandidateId: "4242", externalPersonId: "77" },
    });
    const bad = delivery("delete_candidate", { person: { id: "seventy-seven" } });
    expect(verifyGreenhouseWebhook(bad.rawBody, bad.headers, NOW, secrets)).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses a forged body, another connection's secret, and signatures of the wrong length or form", () => {
    const d = delivery("new_candidate_application", application);
    const tampered = d.rawBody.replace("4242", "4243");
    expect(verifyGreenhouseWebhook(tampered, d.headers, NOW, secrets)).toMatchObject({ ok: false, status: 401 });
    const other = delivery("new_candidate_application", application, { secret: "connection-b-secret-0123456789" });
    expect(verifyGreenhouseWebhook(other.rawBody, other.headers, NOW, secrets)).toMatchObject({ ok: false, status: 401 });
    const hex = signBody(SECRET, d.rawBody);
    for (const header of [`sha256 ${hex}0`, `sha256 ${hex.slice(0, -1)}`, `sha256 ${hex.slice(0, -2)}`, hex, `sha1 ${hex}`, `sha256 ${hex.slice(0, -1)}g`, ""]) {
      const headers = new Headers(d.headers);
      headers.set("signature", header);
      expect(verifyGreenhouseWebhook(d.rawBody, headers, NOW, secrets), header).toMatchObject({ ok: false, status: 401 });
    }
    const upper = new Headers(d.headers);
    upper.set("signature", `sha256 ${hex.toUpperCase()}`);
    expect(verifyGreenhouseWebhook(d.rawBody, upper, NOW, secrets).ok).toBe(true);
  });

  it("answers 400 for a malformed body or a missing event id, and never throws", () => {
    for (const rawBody of ["{not json", "[]", '{"payload":{}}', "", '{"action":""}']) {
      const headers = new Headers({ signature: `sha256 ${signBody(SECRET, rawBody)}`, "greenhouse-event-id": randomUUID() });
      expect(verifyGreenhouseWebhook(rawBody, headers, NOW, secrets), rawBody).toMatchObject({ ok: false, status: 400 });
    }
    const d = delivery("candidate_stage_change", application);
    d.headers.delete("greenhouse-event-id");
    expect(verifyGreenhouseWebhook(d.rawBody, d.headers, NOW, secrets)).toMatchObject({ ok: false, status: 400 });
    expect(verifyGreenhouseWebhook(d.rawBody, d.headers, NOW, [])).toMatchObject({ ok: false, status: 401 });
  });

  it("gives a retried delivery the same id, so the intake records it once", () => {
    const eventId = randomUUID();
    const first = delivery("reject_candidate", application, { eventId });
    const again = delivery("reject_candidate", application, { eventId });
    const a = verifyGreenhouseWebhook(first.rawBody, first.headers, NOW, secrets);
    const b = verifyGreenhouseWebhook(again.rawBody, again.headers, NOW + 3_600_000, secrets);
    expect(a.ok && b.ok && a.event.deliveryId === b.event.deliveryId).toBe(true);
  });

  it("maps Greenhouse's actions to what the core does", () => {
    expect(greenhouseEventKind("new_candidate_application")).toBe("candidate.created");
    for (const a of ["candidate_stage_change", "reject_candidate", "unreject_candidate", "hire_candidate"]) expect(greenhouseEventKind(a)).toBe("candidate.changed");
    expect(greenhouseEventKind("ping")).toBe("test");
    expect(greenhouseEventKind("delete_candidate")).toBe("candidate.deleted");
    for (const a of ["job_created", "toString", "__proto__"]) expect(greenhouseEventKind(a)).toBe("other");
    const ping = delivery("ping", { web_hook: { id: 1 } });
    expect(verifyGreenhouseWebhook(ping.rawBody, ping.headers, NOW, secrets)).toMatchObject({ ok: true, event: { kind: "test", externalCandidateId: null } });
  });
});
