import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { screenshots, signUp } from "./helpers";

/**
 * Greenhouse from Settings → ATS to a note in Greenhouse, against its simulator: connect through the v3
 * consent page, the settings window, Apply Changes, the web hook step with one secret per event, the
 * web hook created on the simulator's admin page, its ping, a signed application imported and screened,
 * and the result written back as a note. Its own organization; disconnected at the end.
 */

const GH_URL = `http://localhost:${process.env.E2E_GREENHOUSE_SIM_PORT ?? 4120}`;
const RUN = Date.now().toString(36);
const APPLICANT = `Hedy Greenhouse ${RUN}`;
const RESUME = [
  `${APPLICANT}`,
  "Senior software engineer, ten years building distributed systems in TypeScript, Go and Python.",
  "Led a team of six; designed event pipelines, Kubernetes deployments and PostgreSQL schemas.",
  "Education: BSc Computer Science.",
].join("\n");

interface GhState {
  accounts: {
    id: number;
    name: string;
    users: { id: number; name: string; siteAdmin: boolean; disabled: boolean; serviceAccount: boolean }[];
    jobs: { id: number; name: string; status: string }[];
    apiNotes: { id: number; application_id: number | null; body: string }[];
    rejectionReasons: { id: number; name: string; type: string }[];
    rejections: { applicationId: number; rejectionReasonId: number | null }[];
  }[];
  webhooks: { id: number; event: string; url: string; active: boolean; ping_error: string | null }[];
}

async function gh<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${GH_URL}${path}`, {
    method: body ? "POST" : "GET",
    headers: body ? { "content-type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`greenhouse sim ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const shoot = screenshots("greenhouse");
const acmeOf = (s: GhState) => s.accounts.find((a) => a.name === "Acme Robotics")!;

async function consentAsSiteAdmin(page: Page, siteAdmin: string) {
  await expect(page.getByRole("heading", { name: /wants to access your Greenhouse account/ })).toBeVisible();
  const option = page.locator("select[name=user_id] option").filter({ hasText: siteAdmin }).first();
  await page.locator("select[name=user_id]").selectOption((await option.getAttribute("value")) ?? "");
  await page.getByRole("button", { name: "Authorize" }).click();
}

test("an admin connects Greenhouse, sets up its web hooks by hand, and a new application is imported, screened and noted in Greenhouse", async ({ page, context }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, `Greenhouse Co ${RUN}`);

  await page.goto("/settings/ats");
  await page.getByRole("navigation", { name: "Applicant tracking systems" }).getByRole("link", { name: "Greenhouse" }).click();
  await expect(page).toHaveURL(/ats=greenhouse/);
  const status = page.getByTestId("greenhouse-connection-status");
  await expect(status).toHaveText("Not connected");
  await expect(page.getByText("Post screening results as notes on candidates")).toBeVisible();
  await shoot(page, "card-not-connected");

  const state = await gh<GhState>("/_sim/state");
  const acme = acmeOf(state);
  const siteAdmin = acme.users.find((u) => u.siteAdmin && !u.disabled && !u.serviceAccount)!;
  await page.getByRole("button", { name: "Connect Greenhouse" }).click();
  await consentAsSiteAdmin(page, siteAdmin.name);

  // Back in the app: connected, and the settings window opens by itself.
  await expect(page).toHaveURL(/\/settings\/ats\?ats=greenhouse/);
  await expect(status).toHaveText("Connected");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Greenhouse integration settings" })).toBeVisible();
  // Greenhouse writes as the user who connected (or its service account): there is no "write as" choice.
  await expect(dialog.getByLabel(/Write to Greenhouse as/)).toHaveCount(0);
  await expect(dialog.getByText(/service account/)).toBeVisible();
  await dialog.getByRole("switch", { name: "Auto-generate jobs" }).click();
  await expect(dialog.getByRole("switch", { name: "Auto-generate jobs" })).toHaveAttribute("aria-checked", "true");
  await expect(dialog.getByRole("switch", { name: "Post results to Greenhouse" })).toHaveAttribute("aria-checked", "true");
  await shoot(page, "settings-window", dialog);
  await dialog.getByRole("button", { name: "Apply Changes" }).click();

  // The web hook step: where in Greenhouse, the URL, one secret per event (six, with deletions), each with a Copy button.
  await expect(dialog.getByRole("heading", { name: "One more step in Greenhouse" })).toBeVisible();
  await expect(dialog.getByText("Configure → Dev Center → Web Hooks")).toBeVisible();
  const url = await dialog.getByTestId("webhook-url").innerText();
  expect(url).toMatch(/\/api\/webhooks\/greenhouse\/[a-z0-9]+$/);
  const secrets = dialog.getByTestId("webhook-secret");
  await expect(secrets).toHaveCount(6);
  const secretTexts = await secrets.allInnerTexts();
  expect(new Set(secretTexts).size).toBe(6);
  await expect(dialog.getByRole("button", { name: /^Copy the secret key for / })).toHaveCount(6);
  await expect(dialog.getByRole("button", { name: "Copy the endpoint URL" })).toBeVisible();
  await expect(dialog.getByTestId("dialog-webhook-status")).toContainText("Waiting for Greenhouse's ping");
  await shoot(page, "webhook-step", dialog);

  // A Greenhouse admin creates the web hook for new applications on Greenhouse's (the simulator's) page.
  const newApplication = dialog.locator('[data-event="new_candidate_application"]');
  await expect(newApplication).toContainText("Candidate has submitted application");
  // The Copy buttons put exactly what is shown on the clipboard; the admin pastes from there.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const copySecret = newApplication.getByRole("button", { name: /^Copy the secret key for / });
  await copySecret.click();
  await expect(copySecret).toHaveText("Copied");
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toBe(await newApplication.getByTestId("webhook-secret").innerText());
  await dialog.getByRole("button", { name: "Copy the endpoint URL" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const admin = await context.newPage();
  await admin.goto(`${GH_URL}/admin/web_hooks?account_id=${acme.id}`);
  await admin.getByLabel("Name this web hook").fill("Screening: new applications");
  await admin.getByLabel("When").selectOption({ label: "Candidate has submitted application" });
  await admin.getByLabel("Endpoint URL").fill(url);
  await admin.getByLabel("Secret key").fill(secret);
  await admin.getByRole("button", { name: "Create Web hook" }).click();
  await expect(admin.getByRole("status")).toBeVisible();
  const hook = (await gh<GhState>("/_sim/state")).webhooks.find((w) => w.url === url)!;
  expect(hook.ping_error).toBeNull();
  expect(hook.active).toBe(true);
  await admin.close();

  // The ping reached the app and the window says so without a reload.
  await expect(dialog.getByTestId("dialog-webhook-status")).toContainText("Ping received", { timeout: 20_000 });
  await shoot(page, "webhook-ping", dialog);

  // Someone applies in Greenhouse: the signed delivery is imported (the job auto-generated), screened, and noted.
  const job = acme.jobs.find((j) => j.status === "open")!;
  const applied = await gh<{ applicationId: number; deliveries: { delivered: boolean; body: string; signature: string; eventId: string }[] }>("/_sim/applications", {
    jobId: job.id,
    name: APPLICANT,
    email: `hedy.${RUN}@example.test`,
    resumeText: RESUME,
  });
  expect(applied.deliveries[0]?.delivered).toBe(true);
  await expect(dialog.getByTestId("dialog-webhook-status")).toContainText("Receiving", { timeout: 20_000 });
  await dialog.getByRole("button", { name: "Done" }).click();

  await expect(async () => {
    await page.goto("/jobs");
    const row = page.getByRole("row").filter({ hasText: job.name }).filter({ hasText: /(^|\D)1 candidate(?!s)/ });
    await expect(row).toHaveCount(1, { timeout: 2000 });
    await expect(row.getByTestId("job-ats")).toContainText("Greenhouse");
  }).toPass({ timeout: 60_000 });
  await shoot(page, "jobs-list");

  await expect(async () => {
    const notes = acmeOf(await gh<GhState>("/_sim/state")).apiNotes.filter((n) => n.application_id === applied.applicationId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toMatch(/^Screening score: \d+\/100/);
  }).toPass({ timeout: 90_000 });

  await page.getByRole("link", { name: job.name }).first().click();
  await expect(page.getByRole("heading", { name: job.name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("job-ats")).toContainText("Greenhouse");
  await expect(page.getByText(APPLICANT).first()).toBeVisible();
  await shoot(page, "job-page");

  // Deliveries the app must refuse, and store nothing from: a body signed with another secret, a body
  // changed after Greenhouse signed it, a replay of the real delivery's event, an unknown connection.
  const real = applied.deliveries[0]!;
  const other = JSON.parse(real.body) as { payload: { application: { id: number } } };
  other.payload.application.id += 1_000_000;
  const otherBody = JSON.stringify(other);
  const post = (to: string, body: string, signature: string, eventId: string) =>
    fetch(to, { method: "POST", headers: { "content-type": "application/json", signature, "greenhouse-event-id": eventId }, body });
  const forged = await post(url, otherBody, `sha256 ${createHmac("sha256", "not-the-secret").update(otherBody).digest("hex")}`, `forged-${RUN}-1`);
  expect(forged.status).toBe(401);
  const changed = await post(url, otherBody, real.signature, `changed-${RUN}-1`);
  expect(changed.status).toBe(401);
  const replayed = await post(url, real.body, real.signature, real.eventId);
  expect(replayed.status).toBeLessThan(300);
  const unknown = await post(url.replace(/[a-z0-9]+$/, "c0nnecti0nthatd0esnotexist"), real.body, real.signature, `unknown-${RUN}-1`);
  expect(unknown.status).toBe(404);
  await page.reload();
  await expect(page.getByRole("heading", { name: job.name, level: 1 })).toBeVisible();
  await expect(page.getByText(APPLICANT)).toHaveCount(1);
  await page.goto("/jobs");
  await expect(page.getByRole("row").filter({ hasText: job.name }).filter({ hasText: /(^|\D)1 candidate(?!s)/ })).toHaveCount(1);

  // Bulk reject with a reason reaches Greenhouse once the Undo window has passed.
  await page.getByRole("link", { name: job.name }).first().click();
  await page.getByLabel(`Select ${APPLICANT}`, { exact: true }).check();
  await page.getByTestId("bulk-actions").getByRole("button", { name: "Reject…" }).click();
  const reject = page.getByRole("dialog", { name: "Reject 1 candidate" });
  await reject.getByLabel("Rejection reason").selectOption({ index: 1 });
  const reasonName = (await reject.getByLabel("Rejection reason").locator("option:checked").innerText()).trim();
  await reject.getByRole("button", { name: "Reject 1" }).click();
  await expect(async () => {
    const account = acmeOf(await gh<GhState>("/_sim/state"));
    const rejection = account.rejections.find((r) => r.applicationId === applied.applicationId);
    expect(rejection).toBeDefined();
    expect(account.rejectionReasons.find((r) => r.id === rejection!.rejectionReasonId)?.name).toBe(reasonName);
  }).toPass({ timeout: 60_000 });

  // Lever's card says the organization is on Greenhouse and offers no second connection.
  await page.goto("/settings/ats?ats=lever");
  await expect(page.getByRole("status").filter({ hasText: "Your organization is connected to Greenhouse" })).toContainText("disconnect Greenhouse first");
  await expect(page.getByRole("button", { name: "Connect Lever" })).toHaveCount(0);
  await shoot(page, "lever-card-while-on-greenhouse");

  // Disconnecting says the hand-made web hooks must be deleted in Greenhouse; afterwards deliveries are refused.
  await page.goto("/settings/ats");
  await expect(status).toHaveText("Connected");
  await shoot(page, "card-connected");
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("dialog")).toContainText("Configure → Dev Center → Web Hooks");
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(page).toHaveURL(/ats=greenhouse/);
  await expect(status).toHaveText("Not connected");
  await expect(page.getByRole("status").filter({ hasText: "Greenhouse is disconnected" })).toContainText("Configure → Dev Center → Web Hooks");
  await expect(page.getByRole("button", { name: "Connect Greenhouse" })).toBeVisible();
  const refused = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(refused.status).toBe(404);
});
