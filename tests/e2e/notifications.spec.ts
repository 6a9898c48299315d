import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { connectLever, disconnectAs, sim, signIn, signUp, OWNER_PASSWORD } from "./helpers";
import { enableLatestWebhook, GLOBEX, seedJobs, type SeededJob, waitUntilAllScreened } from "./recruiter-data";

const RUN = Date.now().toString(36);
// An organization of its own on the simulator's Globex Health account, with a posting no other spec imports.
// A Lever account belongs to one organization at a time, so afterAll disconnects it for the next spec.
const ORG = `Bellwether Hiring ${RUN}`;
const POSTING = "Security Engineer";
const REFUSED = `Rhea Refused ${RUN}`;
const APPLICANTS = [
  { posting: 0, name: REFUSED, resumeText: "Security engineer, six years. Threat modelling, AWS IAM, incident response, SOC 2 audits; Python and Go." },
  { posting: 0, name: `Otto Ordinary ${RUN}`, resumeText: "Network administrator, four years. Firewalls, VPNs and Windows Server; CompTIA Security+." },
];

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface SimState {
  accounts: { id: string; name: string; postings: { id: string; text: string }[] }[];
  notes: { opportunityId: string; deleted: boolean }[];
  forms: { opportunityId: string; deleted: boolean }[];
}

const shot = async (page: Page, name: string) => {
  const size = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `test-results/notifications-${name}-desktop.png` });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `test-results/notifications-${name}-phone.png` });
  await page.setViewportSize(size);
};

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect.soft(found, `axe on ${what}`).toEqual([]);
}

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications, (none|\d+) unread$/ });
const unreadOf = async (page: Page) => {
  const name = (await bell(page).getAttribute("aria-label"))!;
  const n = /^Notifications, (\d+) unread$/.exec(name);
  return n ? Number(n[1]) : 0;
};
const bellSays = (unread: number) => `Notifications, ${unread === 0 ? "none" : unread} unread`;

const globex = async () => {
  const state = await sim<SimState>("/_sim/state");
  return { state, account: state.accounts.find((a) => a.name === GLOBEX.account)! };
};

test.describe.serial("notifications under the bell", () => {
  let job: SeededJob;
  let owner = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(360_000);
    const page = await browser.newPage();
    owner = await signUp(page, ORG);
    // The applicationCreated webhook registered and switched on, so a new application reaches the app.
    await connectLever(page, GLOBEX.superAdmin);
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Apply Changes" }).click();
    await expect(dialog.getByTestId("dialog-webhook-status")).toBeVisible();
    await page.keyboard.press("Escape");
    await enableLatestWebhook(GLOBEX.account, "applicationCreated");

    job = (await seedJobs(page, GLOBEX, [POSTING], APPLICANTS))[0]!;
    await waitUntilAllScreened(page, job.jobId);
    await page.close();
  });

  test.afterAll(({ browser }) => disconnectAs(browser, owner));

  test("a rejection Lever refuses raises a notification for the person who decided; the bell links to the candidate", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    // Whoever imports a job follows it.
    await page.goto(`/jobs/${job.jobId}`);
    await expect(page.getByRole("button", { name: "Follow job" })).toHaveAttribute("aria-pressed", "true");

    await page.getByRole("link", { name: REFUSED }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: REFUSED })).toBeVisible();
    const candidateUrl = page.url();
    const opportunityId = (await page.getByRole("link", { name: "Open in Lever ↗" }).getAttribute("href"))!.split("/").pop()!;
    // The screening result is in Lever first, so the only write left to fail is the rejection.
    await expect(async () => {
      const { state } = await globex();
      expect([...state.notes, ...state.forms].filter((n) => n.opportunityId === opportunityId && !n.deleted)).toHaveLength(1);
    }).toPass({ timeout: 60_000, intervals: [1000] });
    // Someone deletes the opportunity in Lever (its webhook is off here): Lever will answer 404 to the rejection.
    await sim(`/_sim/opportunities/${opportunityId}`, { method: "DELETE" });

    const before = await unreadOf(page);
    await page.getByRole("button", { name: "Reject…" }).click();
    const reject = page.getByRole("dialog", { name: `Reject ${REFUSED}` });
    const reasonPicker = reject.getByLabel("Rejection reason");
    const reason = (await reasonPicker.locator("option:not([disabled])").first().innerText()).trim();
    await reasonPicker.selectOption({ label: reason });
    await reject.getByRole("button", { name: "Reject" }).click();
    await expect(page.getByTestId("decision-outcome")).toHaveText(`Rejected (${reason}) · on its way to Lever.`);

    // The count is read again on every navigation: the Jobs page shows it once the worker gave up.
    await expect(async () => {
      await page.goto("/jobs");
      await expect(bell(page)).toHaveAccessibleName(bellSays(before + 1), { timeout: 1000 });
    }).toPass({ timeout: 60_000, intervals: [1000, 2000] });

    await bell(page).click();
    const panel = page.getByRole("dialog", { name: "Notifications" });
    await expect(panel).toBeVisible();
    await expect(panel).toBeFocused();
    const item = panel.getByRole("listitem").filter({ hasText: "Rejection not written to Lever" });
    await expect(item).toContainText(REFUSED);
    await expect(item).toContainText("Lever no longer has this candidate: deleted or merged there.");
    await expect(item.getByText("Unread:")).toHaveCount(1);
    await expectNoAxeViolations(page, "the notifications open on a desktop");
    await shot(page, "open");

    // On a phone the list fits the screen and is as usable.
    await page.setViewportSize(PHONE);
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await expect(item.getByRole("link")).toBeInViewport();
    await expectNoAxeViolations(page, "the notifications open on a phone");

    // Keyboard: Escape closes and gives focus back to the bell; Enter opens it again.
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();
    await expect(bell(page)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(panel).toBeFocused();

    await item.getByRole("link").click();
    await expect(page).toHaveURL(candidateUrl);
    await expect(page.getByRole("heading", { level: 1, name: REFUSED })).toBeVisible();
    await expect(bell(page)).toHaveAccessibleName(bellSays(before));
    await page.setViewportSize(DESKTOP);
  });

  test("new applicants on a followed job add up to one notification that links to the job", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    // Mark all read: the bell starts from nothing.
    await bell(page).click();
    const panel = page.getByRole("dialog", { name: "Notifications" });
    await panel.getByRole("button", { name: "Mark all read" }).click();
    await expect(bell(page)).toHaveAccessibleName(bellSays(0));
    await expect(panel.getByText("Unread:")).toHaveCount(0);
    // A click outside closes it.
    await page.getByRole("heading", { level: 1 }).click();
    await expect(panel).toBeHidden();

    const { account } = await globex();
    const posting = account.postings.find((p) => p.text === POSTING)!;
    for (const name of [`Nia Newcomer ${RUN}`, `Ezra Early ${RUN}`]) {
      const sent = await sim<{ deliveries: { delivered: boolean }[] }>("/_sim/applications", { body: { postingId: posting.id, name } });
      expect(sent.deliveries[0]?.delivered).toBe(true);
    }
    await expect(async () => {
      await page.goto("/jobs");
      await expect(bell(page)).toHaveAccessibleName(bellSays(1), { timeout: 1000 });
      await bell(page).click();
      await expect(page.getByRole("dialog", { name: "Notifications" }).getByRole("listitem").first()).toContainText(`2 new applicants on ${POSTING}`, { timeout: 1000 });
    }).toPass({ timeout: 60_000, intervals: [1000, 2000] });
    await shot(page, "new-applicants");

    await panel.getByRole("link", { name: new RegExp(`2 new applicants on ${POSTING}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/jobs/${job.jobId}$`));
    await expect(page.getByRole("heading", { level: 1, name: POSTING })).toBeVisible();
    await expect(bell(page)).toHaveAccessibleName(bellSays(0));

    // Unfollowed, the next applicant is not announced.
    await page.getByRole("button", { name: "Follow job" }).click();
    await expect(page.getByRole("button", { name: "Follow job" })).toHaveAttribute("aria-pressed", "false");
    await shot(page, "job-unfollowed");
    await sim("/_sim/applications", { body: { postingId: posting.id, name: `Una Unfollowed ${RUN}` } });
    await expect(async () => {
      await page.goto(`/jobs/${job.jobId}`);
      await expect(page.getByRole("link", { name: `Una Unfollowed ${RUN}` }).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000, intervals: [1000, 2000] });
    await expect(bell(page)).toHaveAccessibleName(bellSays(0));
  });
});
