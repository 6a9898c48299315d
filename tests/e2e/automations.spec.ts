import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { disconnectAs, screenshots, sim, signIn, signUp, OWNER_PASSWORD } from "./helpers";
import { GLOBEX, seedJobs, type SeededJob } from "./recruiter-data";

const RUN = Date.now().toString(36);
// An organization of its own on the simulator's Globex Health account, with a posting no other spec imports.
// A Lever account belongs to one organization at a time, so afterAll disconnects it for the next spec.
const ORG = `Rulebook Hiring ${RUN}`;
const POSTING = "Customer Success Manager";
const WITH_SALESFORCE = `Ada Rulebook ${RUN}`;
const WITHOUT = [`Ben Rulebook ${RUN}`, `Cleo Rulebook ${RUN}`];
const APPLICANTS = [
  {
    posting: 0,
    name: WITH_SALESFORCE,
    resumeText:
      "Customer success manager, six years at Initech Health (2019–2025). Managed a book of 80 enterprise accounts in Salesforce, ran quarterly business reviews, renewals and onboarding. Built renewal dashboards in SQL.",
  },
  ...WITHOUT.map((name) => ({
    posting: 0,
    name,
    resumeText:
      "Support lead at Acme Clinics (2020–2025): ran a team of eight handling member tickets in Zendesk, wrote the help center, trained new hires on escalations and quality reviews. Before that, front desk coordinator at a dental office (2016–2020), scheduling and billing questions.",
  })),
];
const DESKTOP = { width: 1440, height: 900 };
const shot = screenshots("automations");

interface SimState {
  accounts: { id: string; name: string }[];
  archives: { accountId: string; opportunityId: string; reason: string | null }[];
  stageChanges: { accountId: string; opportunityId: string }[];
}

const earlier = { archives: 0, stageChanges: 0 };

/** What the simulator's Globex account received since this spec started. */
async function globexWrites() {
  const state = await sim<SimState>("/_sim/state");
  const account = state.accounts.find((a) => a.name === GLOBEX.account)!;
  return {
    archives: state.archives.filter((w) => w.accountId === account.id).slice(earlier.archives),
    stageChanges: state.stageChanges.filter((w) => w.accountId === account.id).slice(earlier.stageChanges),
  };
}

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect.soft(found, `axe on ${what}`).toEqual([]);
}

const suggestionOf = (page: Page, name: string) => page.getByTestId("suggestion").filter({ hasText: name });

test.describe.serial("automations with a person in the loop", () => {
  let job: SeededJob;
  let owner = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(360_000);
    const page = await browser.newPage();
    const writes = await globexWrites();
    Object.assign(earlier, { archives: writes.archives.length, stageChanges: writes.stageChanges.length });
    owner = await signUp(page, ORG);
    job = (await seedJobs(page, GLOBEX, [POSTING], APPLICANTS))[0]!;
    // Criteria the local engine settles from these résumés: Salesforce is met by one and not met by the others.
    const headers = { origin: new URL(page.url()).origin, "content-type": "application/json" };
    const saved = await page.request.put(`/api/jobs/${job.jobId}/criteria`, {
      headers,
      data: { criteria: [{ text: "Experience with Salesforce", kind: "REQUIRED", weight: "HIGH" }, { text: "Experience with SQL", kind: "PREFERRED", weight: "LOW" }] },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    expect((await page.request.post(`/api/jobs/${job.jobId}/screen`, { headers, data: {} })).status()).toBe(202);
    await expect(async () => {
      const status = (await (await page.request.get(`/api/jobs/${job.jobId}/screen`)).json()) as { stale: number; unscreened: number; screened: number };
      expect(status).toMatchObject({ stale: 0, unscreened: 0 });
    }).toPass({ timeout: 150_000, intervals: [1000, 2000] });
    await page.close();
  });

  test.afterAll(({ browser }) => disconnectAs(browser, owner));

  test("a rule suggests rejects for candidates missing a required criterion; nothing reaches Lever until a recruiter confirms, then once", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}`);
    const tabs = page.getByRole("navigation", { name: "Job sections" });
    await tabs.getByRole("link", { name: "Automations" }).click();
    await expect(page).toHaveURL(/tab=automations/);
    await expect(page.getByText("No rules yet")).toBeVisible();

    await page.getByRole("button", { name: "New rule" }).click();
    const form = page.getByRole("form", { name: "New rule" });
    // Bad input is refused in plain words and saves nothing.
    await form.getByRole("button", { name: "Create rule" }).click();
    await expect(form.getByRole("alert")).toContainText("Name the rule");
    await form.getByLabel("Rule name").fill("Missing Salesforce");
    await expect(form.getByLabel("Required criteria")).toHaveValue("any_required_not_met");
    const reason = form.getByLabel("Rejection reason");
    await reason.selectOption({ index: 1 });
    const reasonText = (await reason.locator("option:checked").innerText()).trim();
    await form.getByRole("button", { name: "Check current candidates" }).click();
    const preview = form.getByText(/^Would suggest this for \d+ of the \d+ screened candidates now/);
    await expect(preview).toBeVisible();
    expect(Number(/for (\d+) of/.exec(await preview.innerText())![1])).toBeGreaterThanOrEqual(WITHOUT.length);
    await expect(preview).not.toContainText(WITH_SALESFORCE);
    await shot(page, "rule-form", form);
    await form.getByRole("button", { name: "Create rule" }).click();
    const rule = page.getByTestId("rule").filter({ hasText: "Missing Salesforce" });
    await expect(rule).toContainText(`When a required criterion is not met → reject: ${reasonText}`);
    await expect(rule).toContainText("Suggests");
    await expectNoAxeViolations(page, "the Automations tab");

    // The rule is evaluated against the job's results by the worker: the suggestions arrive in Needs decision.
    await expect(async () => {
      await page.goto(`/jobs/${job.jobId}?tab=decisions`);
      for (const name of WITHOUT) await expect(suggestionOf(page, name)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000, intervals: [1000, 2000] });
    await expect(suggestionOf(page, WITH_SALESFORCE)).toHaveCount(0);
    await expect(suggestionOf(page, WITHOUT[0]!)).toContainText("Experience with Salesforce: Not met");
    await expect(suggestionOf(page, WITHOUT[0]!)).toContainText(`Rule “Missing Salesforce”`);
    expect((await globexWrites()).archives).toEqual([]);

    // The shell's Needs decision page lists them across jobs, with the count in the navigation.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Needs decision/ }).click();
    await expect(page).toHaveURL(/\/decisions$/);
    await expect(page.getByRole("heading", { level: 1, name: "Needs decision" })).toBeVisible();
    await expect(suggestionOf(page, WITHOUT[0]!)).toContainText(POSTING);
    await expectNoAxeViolations(page, "the Needs decision page");
    expect((await globexWrites()).archives).toEqual([]);

    await suggestionOf(page, WITHOUT[0]!).getByRole("button", { name: `Confirm for ${WITHOUT[0]}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Confirmed 1 suggestion" })).toBeVisible();
    await expect(suggestionOf(page, WITHOUT[0]!)).toHaveCount(0);
    await expect(async () => expect((await globexWrites()).archives).toHaveLength(1)).toPass({ timeout: 60_000, intervals: [500, 1000] });
    // Confirming is the one action: a reload of the queue offers nothing more for that candidate, and Lever has it once.
    await page.reload();
    await expect(suggestionOf(page, WITHOUT[0]!)).toHaveCount(0);
    await expect(suggestionOf(page, WITHOUT[1]!)).toBeVisible();
    expect((await globexWrites()).archives).toHaveLength(1);
  });

  test("a rule that applies on its own after a delay shows the time left and is cancelled: nothing is sent", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}?tab=automations`);
    await page.getByRole("button", { name: "New rule" }).click();
    const form = page.getByRole("form", { name: "New rule" });
    await form.getByLabel("Rule name").fill("Auto reject without Salesforce");
    await form.getByLabel("Rejection reason").selectOption({ index: 1 });
    await form.getByLabel(/Apply on its own after/).check();
    await form.getByLabel("Minutes to wait").fill("30");
    await form.getByRole("button", { name: "Create rule" }).click();
    await expect(page.getByTestId("rule").filter({ hasText: "Auto reject without Salesforce" })).toContainText("Applies after 30 min");
    await shot(page, "rules");

    const waiting = () => suggestionOf(page, WITHOUT[1]!).filter({ has: page.getByTestId("applies-in") });
    await expect(async () => {
      await page.goto("/decisions");
      await expect(waiting()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000, intervals: [1000, 2000] });
    await expect(waiting().getByTestId("applies-in")).toHaveText(/^Applies in (29|30) min unless cancelled$/);
    await shot(page, "needs-decision");
    const before = (await globexWrites()).archives.length;

    await waiting().getByRole("button", { name: `Cancel for ${WITHOUT[1]}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Cancelled 1 suggestion" })).toContainText("nothing will be sent to Lever");
    await page.reload();
    await expect(waiting()).toHaveCount(0);
    expect((await globexWrites()).archives).toHaveLength(before);
  });
});
