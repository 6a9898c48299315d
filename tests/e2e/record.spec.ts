import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { disconnectAs, screenshots, signIn, signUp, OWNER_PASSWORD } from "./helpers";
import { GLOBEX, seedJobs, type SeededJob, waitUntilAllScreened } from "./recruiter-data";

const RUN = Date.now().toString(36);
// An organization of its own on the simulator's Globex account, with a posting no other spec imports.
// A Lever account belongs to one organization at a time, so afterAll disconnects it for the next spec.
const ORG = `Record Keeping ${RUN}`;
const POSTING = "Customer Success Manager";
const APPLICANTS = [
  "Customer success manager, seven years: renewals, QBRs with CFOs, Gainsight health scores, Salesforce, book of 40 accounts.",
  "Support lead: ticket queues in Zendesk, onboarding webinars, some renewals.",
].map((resumeText, i) => ({ posting: 0, name: `Rhea Record ${RUN} ${i + 1}`, resumeText }));

const shot = screenshots("record");

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect.soft(found, `axe on ${what}`).toEqual([]);
}

test.describe.serial("the decision record: explanation, report, API token", () => {
  let job: SeededJob;
  let owner = "";
  // The posting's earlier applicants in the simulator are imported too.
  let screened = 0;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(360_000);
    const page = await browser.newPage();
    owner = await signUp(page, ORG);
    job = (await seedJobs(page, GLOBEX, [POSTING], APPLICANTS))[0]!;
    await waitUntilAllScreened(page, job.jobId);
    screened = Number(/\d+/.exec(await page.getByTestId("screen-status").innerText())![0]);
    expect(screened).toBeGreaterThanOrEqual(APPLICANTS.length);
    await page.close();
  });

  test.afterAll(({ browser }) => disconnectAs(browser, owner));

  test("screened, overridden and rejected: the Explanation page shows the result version and each person's action", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}`);
    await page.getByTestId("candidate-row").getByRole("link", { name: APPLICANTS[1]!.name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(APPLICANTS[1]!.name);

    // A person's own verdict on the first criterion, with the reason required.
    const verdict = page.getByTestId("verdict").first();
    await verdict.getByRole("button", { name: "Your verdict…" }).click();
    await verdict.getByRole("radio", { name: "Partly met" }).check();
    await verdict.getByLabel(/Why/).fill("no");
    await verdict.getByRole("button", { name: "Record my verdict" }).click();
    await expect(verdict.getByRole("alert")).toContainText("Write why you judge it differently");
    await verdict.getByLabel(/Why/).fill("Renewals were part of the support role, handled for key accounts");
    await verdict.getByRole("button", { name: "Record my verdict" }).click();
    await expect(verdict.getByTestId("override")).toContainText("Person's verdict: Partly met");
    await shot(page, "override", verdict);

    await page.getByRole("button", { name: "Reject…" }).click();
    const reject = page.getByRole("dialog", { name: /^Reject/ });
    const reasonPicker = reject.getByLabel("Rejection reason");
    const reason = (await reasonPicker.locator("option:not([disabled])").first().innerText()).trim();
    await reasonPicker.selectOption({ label: reason });
    await reject.getByRole("button", { name: "Reject" }).click();
    await expect(page.getByTestId("decision-outcome")).toContainText(`Rejected (${reason})`);

    await page.getByRole("link", { name: "Explanation and record" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Explanation: ${APPLICANTS[1]!.name}`);
    const version = page.getByTestId("record-version");
    await expect(version).toHaveCount(1);
    await expect(version).toContainText("Result version 1");
    await expect(version).toContainText("Input hash");
    const decisions = page.getByTestId("record-decision");
    await expect(decisions).toHaveCount(2);
    await expect(decisions.nth(0)).toContainText("Test Owner · Overrode a verdict");
    await expect(decisions.nth(0)).toContainText("Partly met");
    await expect(decisions.nth(1)).toContainText(`Test Owner · Rejected · reason: ${reason}`);
    await expect(decisions.nth(1)).toContainText("On result version 1");
    await expect(decisions.nth(1)).toContainText(/Update to the ATS (waiting to be sent|being sent|sent)/);
    await expectNoAxeViolations(page, "the Explanation page");
    await shot(page, "explanation");
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: "test-results/record-explanation-print.png", fullPage: true });
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await page.emulateMedia({ media: "screen" });

    const download = await page.request.get(`/api/candidates/${page.url().split("/candidates/")[1]!.split("/")[0]}/record`);
    expect(download.status()).toBe(200);
    const record = (await download.json()) as { entries: Array<{ type: string; kind?: string }> };
    expect(record.entries.map((e) => e.kind ?? e.type)).toEqual(["version", "OVERRIDE", "REJECT"]);
  });

  test("the job's Report tab draws the charts, each with its table", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}?tab=report`);
    await expect(page.getByRole("navigation", { name: "Job sections" }).getByRole("link", { name: "Report" })).toHaveAttribute("aria-current", "page");
    const stats = page.getByTestId("report-stats");
    await expect(stats).toContainText(`Candidates screened${screened}`);
    await expect(stats).toContainText("1 verdict overridden");
    const scores = page.getByTestId("chart-scores");
    await expect(scores.getByRole("img")).toBeVisible();
    expect(await scores.locator("rect").count()).toBeGreaterThan(0);
    await expect(page.getByTestId("chart-verdicts").getByRole("img").first()).toBeVisible();
    await scores.getByText("Show as a table").click();
    await expect(scores.getByRole("table")).toContainText("Candidates");
    await expectNoAxeViolations(page, "the Report tab");
    await shot(page, "job-report");
  });

  test("an admin creates an API token, reads results with it, and revokes it", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto("/settings/oversight");
    await expect(page.getByTestId("report-stats")).toContainText(`Candidates screened${screened}`);
    await shot(page, "settings-oversight");

    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API tokens" }).click();
    await page.getByLabel("Token name").fill("Warehouse sync");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-token");
    await expect(shown).toContainText("it is not shown again");
    const token = (await shown.locator("code").innerText()).trim();
    await expect(page.getByTestId("api-token-row")).toContainText(token.slice(0, 12));
    // After a client-side navigation the document title is set a moment after the page's content.
    await expect(page).toHaveTitle(/API tokens/);
    await expectNoAxeViolations(page, "API tokens");
    await shot(page, "api-tokens");

    const api = await page.context().request.get(`/api/v1/results?job=${job.jobId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(api.status()).toBe(200);
    expect(((await api.json()) as { data: unknown[] }).data).toHaveLength(screened);
    expect((await page.context().request.post("/api/v1/results", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(405);

    await page.reload();
    page.once("dialog", (d) => void d.accept());
    await page.getByTestId("api-token-row").getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByTestId("api-token-row")).toContainText("Revoked");
    const revoked = await page.context().request.get("/api/v1/results", { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status()).toBe(401);
    expect(await revoked.text()).toContain("revoked");
  });
});
