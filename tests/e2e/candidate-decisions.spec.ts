import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { disconnectAs, sim, signIn, signUp, OWNER_PASSWORD } from "./helpers";
import { GLOBEX, seedJobs, type SeededJob, waitUntilAllScreened } from "./recruiter-data";

const RUN = Date.now().toString(36);
// An organization of its own on the simulator's Globex Health account, with a posting no other spec imports.
// A Lever account belongs to one organization at a time, so afterAll disconnects it for the next spec.
const ORG = `Ledger Hiring ${RUN}`;
const POSTING = "Medical Billing Specialist";
const RESUMES = [
  "Medical billing specialist, six years. CPT coding, ICD-10, claims submission and denial management in Epic Resolute. CPC certification.",
  "Billing coordinator: insurance verification, accounts receivable, Medicare/Medicaid claims. Excel. HIPAA training.",
  "Revenue cycle analyst: denial management and aged receivables; A.A. in Health Information Management.",
];
const APPLICANTS = RESUMES.map((resumeText, i) => ({ posting: 0, name: `Lena Ledger ${RUN} ${i + 1}`, resumeText }));

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface SimState {
  accounts: { id: string; name: string; stages: { id: string; text: string }[]; archiveReasons: { id: string; text: string }[] }[];
  stageChanges: { accountId: string; opportunityId: string; toStageId: string }[];
  archives: { accountId: string; opportunityId: string; reason: string | null }[];
}

/** What a recruiter sees first, on a desktop and on a phone. */
const shot = async (page: Page, name: string) => {
  const size = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `test-results/decisions-${name}-desktop.png` });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `test-results/decisions-${name}-phone.png` });
  await page.setViewportSize(size);
};

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect.soft(found, `axe on ${what}`).toEqual([]);
}

// Other specs' organizations use Globex before this one (one at a time): only what came after this spec's start counts.
const earlier = { stageChanges: 0, archives: 0 };

/** What the simulator's Globex account received since this spec started: stage changes and archives, newest last. */
async function globexWrites() {
  const state = await sim<SimState>("/_sim/state");
  const account = state.accounts.find((a) => a.name === GLOBEX.account)!;
  return {
    account,
    stageChanges: state.stageChanges.filter((w) => w.accountId === account.id).slice(earlier.stageChanges),
    archives: state.archives.filter((w) => w.accountId === account.id).slice(earlier.archives),
  };
}

const opportunityOf = async (page: Page) => {
  const href = await page.getByRole("link", { name: "Open in Lever ↗" }).getAttribute("href");
  return href!.split("/").pop()!;
};

test.describe.serial("deciding on candidates from the candidate page", () => {
  let job: SeededJob;
  let owner = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(360_000);
    const page = await browser.newPage();
    const { stageChanges, archives } = await globexWrites();
    Object.assign(earlier, { stageChanges: stageChanges.length, archives: archives.length });
    owner = await signUp(page, ORG);
    job = (await seedJobs(page, GLOBEX, [POSTING], APPLICANTS))[0]!;
    // Previous/next follow the ranking, which moves while the worker screens: wait until it is done.
    await waitUntilAllScreened(page, job.jobId);
    await page.close();
  });

  test.afterAll(({ browser }) => disconnectAs(browser, owner));

  test("the job page opens on Candidates; Criteria is read-only until Edit; Job shows the description; Back returns", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}`);
    const tabs = page.getByRole("navigation", { name: "Job sections" });
    await expect(tabs.getByRole("link", { name: /^Candidates/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("candidate-table")).toBeVisible();
    await expect(page.getByRole("button", { name: "Import from Lever" })).toBeInViewport();
    await expect(page.getByTestId("criteria-editor")).toHaveCount(0);
    await expectNoAxeViolations(page, "the Candidates tab");
    await shot(page, "job-candidates");

    await tabs.getByRole("link", { name: /^Criteria/ }).click();
    await expect(page).toHaveURL(/[?&]tab=criteria$/);
    await expect(tabs.getByRole("link", { name: /^Criteria/ })).toHaveAttribute("aria-current", "page");
    const list = page.getByTestId("criteria-list");
    await expect(list.getByTestId("criterion").first()).toBeVisible();
    const first = await list.getByTestId("criterion-text").first().innerText();
    await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
    await expect(page.getByTestId("candidate-table")).toHaveCount(0);
    await expectNoAxeViolations(page, "the Criteria tab");
    await shot(page, "job-criteria");

    await page.getByRole("link", { name: "Edit criteria" }).click();
    await expect(page).toHaveURL(/edit=1/);
    const editor = page.getByTestId("criteria-editor");
    const renamed = `${first} (billing)`;
    await editor.getByTestId("criterion-row").first().getByRole("textbox", { name: /^Criterion \d+$/ }).fill(renamed);
    await editor.getByRole("button", { name: "Save criteria" }).click();
    await expect(editor.getByRole("status")).toContainText("Criteria saved");
    await shot(page, "job-criteria-edit");
    await page.getByRole("link", { name: "Done editing" }).click();
    await expect(list.getByTestId("criterion").first()).toContainText(renamed);

    await tabs.getByRole("link", { name: "Job" }).click();
    await expect(page).toHaveURL(/tab=job$/);
    await expect(page.getByTestId("job-description")).toBeVisible();
    await expectNoAxeViolations(page, "the Job tab");
    await shot(page, "job-description");

    // Each tab is a history entry.
    await page.goBack();
    await expect(page).toHaveURL(/tab=criteria$/);
    await expect(tabs.getByRole("link", { name: /^Criteria/ })).toHaveAttribute("aria-current", "page");
  });

  test("j and k move within the ranking; a and r advance and reject, and Lever receives each once", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    // The criteria changed in the previous test: re-screen so the ranking holds still.
    await page.goto(`/jobs/${job.jobId}`);
    const control = page.getByTestId("screen-control");
    const rescreen = control.getByRole("button", { name: /^Re-screen \d+$/ });
    if (await rescreen.isVisible()) {
      await rescreen.click();
      await expect(control.getByRole("status")).toContainText("Screening finished", { timeout: 90_000 });
      await page.reload();
    }
    const links = page.getByTestId("candidate-row").getByRole("link");
    const hrefs = await Promise.all([0, 1, 2].map((i) => links.nth(i).getAttribute("href")));
    const names = await Promise.all([0, 1, 2].map((i) => links.nth(i).innerText()));
    const total = await page.getByTestId("candidate-row").count();
    const before = await globexWrites();
    expect(before.stageChanges).toHaveLength(0);
    expect(before.archives).toHaveLength(0);

    await links.first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(names[0]!);
    await expect(page.getByTestId("list-position")).toHaveText(`1 of ${total}`);
    await expect(page.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");

    // The shortcuts dialog.
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help).toContainText("Next candidate");
    await expectNoAxeViolations(page, "the shortcuts dialog");
    await shot(page, "shortcuts");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();

    // Typing in a field is not a shortcut.
    const search = page.getByRole("searchbox", { name: "Search candidates and jobs" });
    await search.fill("");
    await search.press("j");
    await expect(search).toHaveValue("j");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(names[0]!);
    await search.fill("");
    await search.blur();

    await page.keyboard.press("j");
    await expect(page).toHaveURL(new RegExp(`${hrefs[1]}$`));
    await expect(page.getByTestId("list-position")).toHaveText(`2 of ${total}`);
    await page.keyboard.press("k");
    await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(names[0]!);

    // a: the next stage is chosen; Enter confirms.
    const advanced = await opportunityOf(page);
    await page.keyboard.press("a");
    const advance = page.getByRole("dialog", { name: `Advance ${names[0]}` });
    await expect(advance).toBeVisible();
    const picker = advance.getByLabel("Stage");
    await expect(picker).toBeFocused();
    const stage = await picker.locator("option:checked").innerText();
    expect(stage).not.toMatch(/Choose/);
    await expectNoAxeViolations(page, "the advance dialog");
    await shot(page, "advance");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("decision-outcome")).toHaveText(`Moved to ${stage} · on its way to Lever.`);
    await expect(advance).toBeHidden();

    // r on the next one: a reason is chosen, Enter confirms.
    await page.keyboard.press("j");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(names[1]!);
    const rejected = await opportunityOf(page);
    await page.keyboard.press("r");
    const reject = page.getByRole("dialog", { name: `Reject ${names[1]}` });
    const reasonPicker = reject.getByLabel("Rejection reason");
    await expect(reasonPicker).toBeFocused();
    await expect(reject.getByRole("button", { name: "Reject" })).toBeDisabled();
    const reason = (await reasonPicker.locator("option:not([disabled])").first().innerText()).trim();
    await reasonPicker.selectOption({ label: reason });
    await shot(page, "reject");
    await reasonPicker.press("Enter");
    await expect(page.getByTestId("decision-outcome")).toHaveText(`Rejected (${reason}) · on its way to Lever.`);
    await expect(page.getByRole("status").filter({ hasText: `Archived · ${reason}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Advance…" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Reject…" })).toBeDisabled();
    await expectNoAxeViolations(page, "an archived candidate");
    await shot(page, "archived");
    // An archived candidate is not rejected twice.
    await page.keyboard.press("r");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByTestId("decision-outcome")).toContainText("is archived");

    const { account } = before;
    await expect(async () => {
      const after = await globexWrites();
      expect(after.stageChanges.length + after.archives.length).toBeGreaterThanOrEqual(2);
    }).toPass({ timeout: 60_000, intervals: [500, 1000] });
    const after = await globexWrites();
    expect(after.stageChanges).toEqual([expect.objectContaining({ opportunityId: advanced, toStageId: account.stages.find((s) => s.text === stage)!.id })]);
    expect(after.archives).toEqual([expect.objectContaining({ opportunityId: rejected, reason: account.archiveReasons.find((r) => r.text === reason)!.id })]);

    // The job page's filters go with the links: among active candidates, next from the first skips the rejected one.
    await page.goto(`/jobs/${job.jobId}?status=active`);
    await page.getByTestId("candidate-row").getByRole("link", { name: names[0] }).click();
    await expect(page).toHaveURL(/status=active/);
    await expect(page.getByTestId("list-position")).toHaveText(`1 of ${total - 1}`);
    await page.keyboard.press("j");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(names[2]!);
    await expect(page).toHaveURL(new RegExp(`${hrefs[2]}\\?status=active$`));
    await page.getByRole("link", { name: `← ${POSTING}` }).click();
    await expect(page).toHaveURL(new RegExp(`/jobs/${job.jobId}\\?status=active$`));
  });

  test("a decision that fails says why in plain words and changes nothing", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}?status=active`);
    await page.getByTestId("candidate-row").getByRole("link").nth(1).click();
    await expect(page.getByRole("button", { name: "Advance…" })).toBeEnabled();
    await page.keyboard.press("a");
    const dialog = page.getByRole("dialog", { name: /^Advance/ });
    await expect(dialog).toBeVisible();
    // The session ends while the dialog is open.
    await page.context().clearCookies();
    await dialog.getByRole("button", { name: "Advance" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Sign in to continue");
    await expect(dialog).toBeVisible();

    const writes = await globexWrites();
    expect(writes.stageChanges).toHaveLength(1);
    await signIn(page, owner, OWNER_PASSWORD);

    // An unknown candidate id is refused by the same route, in plain words.
    const other = await page.request.post("/api/candidates/actions", {
      headers: { origin: new URL(page.url()).origin, "content-type": "application/json" },
      data: { action: "archive", archiveReasonId: "nope-reason", candidateIds: ["someone-elses-candidate"], idempotencyKey: `k-${RUN}-other` },
    });
    expect(other.status()).toBe(404);
    expect(await other.text()).not.toMatch(/at \w+ \(|stack/i);
  });

  test("on a phone the decision and previous/next stay reachable", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}`);
    await page.getByTestId("candidate-row").getByRole("link").first().click();
    await expect(page.getByRole("button", { name: "Advance…" })).toBeInViewport();
    await expect(page.getByRole("link", { name: "Next →" })).toBeInViewport();
    await expectNoAxeViolations(page, "a candidate on a phone");
    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page.getByTestId("list-position")).toHaveText(/^2 of \d+$/);
    await page.goto(`/jobs/${job.jobId}?tab=criteria`);
    await expect(page.getByRole("navigation", { name: "Job sections" })).toBeInViewport();
    await expectNoAxeViolations(page, "the Criteria tab on a phone");
  });
});
