import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, disconnectAs, signIn, signUp, OWNER_PASSWORD } from "./helpers";
import { GLOBEX, seedJobs, type SeededJob } from "./recruiter-data";

const RUN = Date.now().toString(36);
const ROSA = { name: `Rosa Quillfeather ${RUN}`, email: `rosa.${RUN}@quill.test` };
const OTHER = { name: `Tomas Brightwater ${RUN}`, email: `tomas.${RUN}@bright.test` };
const IVO = { name: `Ivo Stanek ${RUN}`, email: `ivo.${RUN}@stanek.test` };
const IVO_RESUME = [
  "Ivo Stanek — Product Designer",
  "Product Designer, Freightline (2018 – present): six years designing dashboards in Figma for logistics software.",
  "Prototyped interactions in Framer; ran usability studies with dispatchers and drivers.",
  "Education: BA Interaction Design, Academy of Arts.",
].join("\n");
// The matrix test's criteria: verdicts that differ between Rosa, Ivo and Tomas (no résumé).
const MATRIX_CRITERIA = [
  { text: "Hands-on experience with Python", derived: "Python" },
  { text: "Figma", derived: "Figma" },
  { text: "Servicing industrial robots", label: "Robots" },
];
// This spec's own organization, on the simulator's Globex Health account: no other spec imports these.
const ORG = `Quill Hiring ${RUN}`;
const TITLES = ["Clinical Data Analyst", "Product Designer"];
const RESUME = "Rosa Quillfeather — Field engineer. Seven years servicing industrial robots and data pipelines in Python.";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The form's own alert (Next's route announcer is an alert too). */
const formAlert = (page: Page) => page.locator("form").getByRole("alert");

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/recruiter-day-${name}.png` });

/** Sign in on the form (any page), without expecting where it lands. */
async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Asserts axe finds no WCAG 2.x A/AA violations on the page as it is. */
async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n    ")}`);
  expect.soft(found, `axe on ${what}`).toEqual([]);
}

test.describe.serial("a recruiter's day: sign in, the account menu, search, links that come back", () => {
  let jobs: SeededJob[] = [];
  let candidateUrl = "";
  let owner = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(360_000);
    const page = await browser.newPage();
    owner = await signUp(page, ORG);
    // Rosa applied to two jobs: search must find both applications.
    jobs = await seedJobs(page, GLOBEX, TITLES, [
      { posting: 0, ...ROSA, resumeText: RESUME },
      { posting: 1, ...ROSA, resumeText: RESUME },
      { posting: 1, ...OTHER },
      { posting: 1, ...IVO, resumeText: IVO_RESUME },
    ]);
    await page.close();
  });

  // A Lever account belongs to one organization at a time: later specs connect Globex Health to theirs.
  test.afterAll(({ browser }) => disconnectAs(browser, owner));

  test("a wrong password keeps the email typed; sign-up keeps everything but the password", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto("/login");
    await submitSignIn(page, "admin@demo.test", "not-the-password");
    await expect(formAlert(page)).toContainText("do not match");
    await expect(page.getByLabel("Work email")).toHaveValue("admin@demo.test");
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByLabel("Password")).toBeFocused();
    // Typing the right one now is enough.
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/jobs$/);

    await page.context().clearCookies();
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Dana Duplicate");
    await page.getByLabel("Work email").fill("admin@demo.test");
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByLabel("Organization name").fill("Duplicate Hiring");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(formAlert(page)).toContainText("already exists");
    await expect(page.getByLabel("Your name")).toHaveValue("Dana Duplicate");
    await expect(page.getByLabel("Work email")).toHaveValue("admin@demo.test");
    await expect(page.getByLabel("Organization name")).toHaveValue("Duplicate Hiring");
    await expect(page.getByLabel("Password")).toHaveValue("");

    // Field problems are named one per field, in plain words.
    await page.getByLabel("Your name").fill("");
    await page.getByLabel("Work email").fill("nope");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(formAlert(page)).toHaveText("Enter your name. Enter a valid email address, like name@company.com. Enter a password.");
    await expect(page.getByLabel("Your name")).toHaveAccessibleDescription("Enter your name");
    await expect(page.getByLabel("Your name")).toBeFocused();
    await expect(page.getByLabel("Organization name")).toHaveValue("Duplicate Hiring");
    await expect(formAlert(page)).not.toContainText(/Invalid input|expected string|received undefined/);
  });

  test("the account menu at the bottom left opens Settings → ATS; on a phone it is in the top bar", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, "admin@demo.test");
    const account = page.getByRole("button", { name: /^Account menu/ });
    await expect(account).toBeVisible();
    const box = (await account.boundingBox())!;
    expect(box.x).toBeLessThan(240);
    expect(box.y).toBeGreaterThan(DESKTOP.height - 120);
    await account.click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: "Settings" })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    await expect(page.getByTestId("profile-menu")).toContainText("Demo Company");
    await shot(page, "menu-desktop");
    await expectNoAxeViolations(page, "the open account menu");

    // A click outside closes it.
    await page.getByRole("heading", { level: 1 }).click();
    await expect(menu).toHaveCount(0);
    await account.click();

    // Keyboard: Escape closes and gives focus back; Enter opens on the first item, arrows move.
    await page.keyboard.press("Escape");
    await expect(menu).toHaveCount(0);
    await expect(account).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Settings" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await page.getByRole("link", { name: "ATS" }).click();
    await expect(page.getByTestId("lever-connection-status")).toBeVisible();

    await page.setViewportSize(PHONE);
    await page.goto("/jobs");
    const phoneAccount = page.getByRole("button", { name: /^Account menu/ });
    await expect(phoneAccount).toBeInViewport();
    await phoneAccount.click();
    await expect(page.getByRole("menuitem", { name: "Settings" })).toBeInViewport();
    await shot(page, "menu-phone");
    await page.getByRole("menuitem", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await page.getByRole("link", { name: "ATS" }).click();
    await expect(page.getByTestId("lever-connection-status")).toBeVisible();

    // Sign out from the menu.
    await page.getByRole("button", { name: /^Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  test("with two organizations the account menu switches between them", async ({ browser, page }) => {
    // Another organization invites the demo admin.
    const inviter = await browser.newPage();
    const otherOrg = `Switchboard ${RUN}`;
    await signUp(inviter, otherOrg);
    await inviter.goto("/settings/team");
    await inviter.getByLabel("Email").fill("admin@demo.test");
    await inviter.getByRole("button", { name: "Invite" }).click();
    const link = (await inviter.locator("code").filter({ hasText: "/invite/" }).innerText()).trim();
    await inviter.close();

    await page.setViewportSize(DESKTOP);
    await signIn(page, "admin@demo.test");
    await page.goto(new URL(link).pathname);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page).toHaveURL(/\/jobs$/);

    const account = page.getByRole("button", { name: /^Account menu/ });
    await account.click();
    const orgs = page.getByRole("group", { name: "Switch organization" });
    await expect(orgs.getByRole("menuitemradio")).toHaveCount(2);
    await expect(orgs.getByRole("menuitemradio", { name: /Demo Company/ })).toHaveAttribute("aria-checked", "true");
    await shot(page, "menu-organizations-desktop");
    await expectNoAxeViolations(page, "the account menu with two organizations");
    await orgs.getByRole("menuitemradio", { name: new RegExp(otherOrg) }).click();
    await expect(account).toContainText(otherOrg);
    await expect(page.getByRole("table")).toHaveCount(0);
    // And back: the rest of the specs work in Demo Company (a new browser starts there anyway).
    await account.click();
    await page.getByRole("menuitemradio", { name: /Demo Company/ }).click();
    await expect(account).toContainText("Demo Company");
  });

  test("search finds a candidate by name across jobs, on desktop and phone", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    const box = page.getByRole("searchbox", { name: "Search candidates and jobs" });
    await page.keyboard.press("/");
    await expect(box).toBeFocused();
    await box.fill(`quillfeather ${RUN}`);
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    const results = page.getByTestId("candidate-results").getByRole("listitem");
    await expect(results).toHaveCount(2);
    await expect(page.getByRole("heading", { name: /^Candidates/ })).toContainText("(2)");
    for (const title of jobs.map((j) => j.title)) await expect(results.filter({ hasText: title })).toHaveCount(1);
    await expect(results.first()).toContainText(ROSA.email);
    await expect(page.getByText(OTHER.name)).toHaveCount(0);
    await shot(page, "search-desktop");

    // By email, and a job by title.
    await box.fill(`tomas.${RUN}@`);
    await box.press("Enter");
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText(OTHER.name);
    await box.fill(TITLES[1]!);
    await box.press("Enter");
    await expect(page.getByRole("heading", { name: /^Jobs/ })).toBeVisible();
    await expect(page.getByRole("link", { name: TITLES[1], exact: true }).first()).toBeVisible();

    await page.setViewportSize(PHONE);
    await page.goto("/jobs");
    await page.getByRole("link", { name: "Search candidates and jobs" }).click();
    const phoneBox = page.getByRole("searchbox", { name: "Search candidates and jobs" });
    await expect(phoneBox).toBeFocused();
    await phoneBox.fill(ROSA.name);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(results).toHaveCount(2);
    await shot(page, "search-phone");

    candidateUrl = new URL((await results.first().getByRole("link", { name: ROSA.name }).getAttribute("href"))!, page.url()).pathname;
    expect(candidateUrl).toMatch(/^\/jobs\/\w+\/candidates\/\w+$/);
  });

  test("the jobs list searches and sorts", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.getByLabel("Find a job").fill(TITLES[0]!);
    await page.getByLabel("Find a job").press("Enter");
    await expect(page).toHaveURL(/q=Clinical/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: TITLES[0]! })).toHaveCount(1);
    await expect(rows.filter({ hasText: TITLES[1]! })).toHaveCount(0);
    await page.getByLabel("Find a job").fill("");
    await page.getByLabel("Find a job").press("Enter");
    await page.getByLabel("Sort by").selectOption("title");
    await expect(page).toHaveURL(/sort=title/);
    const titles = (await page.getByRole("table").getByRole("link").allInnerTexts()).map((t) => t.trim());
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });

  test("the ranked list is a verdict matrix with column headings on desktop and cards on a phone; labels are edited with the criteria", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    const job = jobs[1]!;
    await page.goto(`/jobs/${job.jobId}?tab=criteria&edit=1`);
    const editor = page.getByTestId("criteria-editor");
    const rows = editor.getByTestId("criterion-row");
    while ((await rows.count()) > 0) await editor.getByRole("button", { name: "Remove criterion 1" }).click();
    for (const [i, c] of MATRIX_CRITERIA.entries()) {
      await editor.getByRole("button", { name: "Add criterion" }).click();
      await editor.getByRole("textbox", { name: `Criterion ${i + 1}`, exact: true }).fill(c.text);
      const label = editor.getByRole("textbox", { name: `Column label of criterion ${i + 1}` });
      // Empty, the field shows the label derived from the text.
      if (c.derived) await expect(label).toHaveAttribute("placeholder", c.derived);
      if (c.label) await label.fill(c.label);
    }
    await editor.getByRole("button", { name: "Save criteria" }).click();
    await expect(editor.getByRole("status")).toContainText("Criteria saved");
    await page.getByRole("link", { name: "Done editing" }).click();
    await expect(page.getByTestId("criteria-list").getByTestId("criterion-label")).toHaveText(MATRIX_CRITERIA.map((c) => `Column: ${c.label ?? c.derived}`));

    await page.getByRole("navigation", { name: "Job sections" }).getByRole("link", { name: /^Candidates/ }).click();
    const control = page.getByTestId("screen-control");
    await control.getByRole("button", { name: /^Re-screen \d+$/ }).click();
    await expect(control.getByRole("status")).toContainText("Screening finished", { timeout: 60_000 });

    const table = page.getByTestId("candidate-table");
    const columns = table.getByTestId("criterion-column");
    await expect(columns).toHaveCount(MATRIX_CRITERIA.length);
    await expect(columns.getByTestId("column-label")).toHaveText(MATRIX_CRITERIA.map((c) => c.label ?? c.derived));
    // The full criterion is the heading's name, so a screen reader hears it per column, not per row.
    for (const c of MATRIX_CRITERIA) await expect(table.getByRole("columnheader", { name: c.text, exact: true })).toHaveCount(1);
    const tip = columns.nth(2).getByTestId("column-tooltip");
    await expect(tip).toBeHidden();
    await columns.nth(2).getByTestId("column-heading").focus();
    await expect(tip).toBeVisible();
    await expect(tip).toHaveText(MATRIX_CRITERIA[2]!.text);

    const rowOf = (name: string) => table.getByTestId("candidate-row").filter({ hasText: name });
    // Verdicts are words for screen readers and a distinct mark for the eye, never colour alone.
    const tomasCells = rowOf(OTHER.name).getByRole("cell").filter({ has: page.getByTestId("verdict-mark") });
    await expect(tomasCells).toHaveCount(MATRIX_CRITERIA.length);
    for (const cell of await tomasCells.all()) await expect(cell).toHaveAccessibleName("Needs review");
    await expect(rowOf(ROSA.name).getByTestId("verdict-cell").first()).toHaveAccessibleName("Met");
    await expect(rowOf(ROSA.name).getByTestId("verdict-mark").first()).toHaveText("✓");
    await expect(rowOf(ROSA.name).getByTestId("verdict-chips")).toBeHidden();
    await shot(page, "matrix-desktop");
    await expectNoAxeViolations(page, "the verdict matrix");

    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(columns.first()).toBeHidden();
    const overflow = await page.evaluate(() => {
      const wrap = document.querySelector("[data-testid=candidate-table]")!.parentElement!;
      return { page: document.documentElement.scrollWidth, table: wrap.scrollWidth - wrap.clientWidth };
    });
    expect(overflow).toEqual({ page: PHONE.width, table: 0 });
    const card = rowOf(ROSA.name);
    const chips = card.getByTestId("verdict-chips").getByRole("listitem");
    await expect(chips).toHaveText(MATRIX_CRITERIA.map((c) => new RegExp(`^\\S+${c.label ?? c.derived}: `)));
    await expect(chips.first()).toHaveAttribute("title", MATRIX_CRITERIA[0]!.text);
    for (const chip of await chips.all()) {
      const box = (await chip.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    const stage = card.getByTestId("stage-line").filter({ visible: true });
    await expect(stage).toHaveText(/^Stage: \S/);
    const stageBox = (await stage.boundingBox())!;
    expect(stageBox.x + stageBox.width).toBeLessThanOrEqual(PHONE.width);
    await card.scrollIntoViewIfNeeded();
    await shot(page, "matrix-phone");
    await expectNoAxeViolations(page, "the candidate cards on a phone");
  });

  test("the verdict filter takes several criteria, the count says how many of all match, Active is the default; unsaved criteria ask before leaving", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    const job = jobs[1]!;
    await page.goto(`/jobs/${job.jobId}`);
    await expect(page.getByLabel("Status")).toHaveValue("active");
    const heading = page.getByRole("heading", { name: /^Candidates \(/ });
    const total = Number((await heading.innerText()).match(/of (\d+)\)/)![1]);

    // Each row's verdicts as the matrix shows them, to know what a filter on two criteria must leave.
    const table = page.getByTestId("candidate-table");
    const matrix = await table.evaluate((t) =>
      [...t.querySelectorAll("[data-testid=candidate-row]")].map((row) => ({
        name: row.querySelector("a")!.textContent!.trim(),
        verdicts: [...row.querySelectorAll("[data-testid=verdict-cell]")].map((cell) => cell.textContent!.replace(/^[^A-Z]*/, "")),
      })),
    );
    const LABELS: Record<string, string> = { Met: "MET", "Partly met": "PARTLY_MET", "Not met": "NOT_MET", "Needs review": "UNKNOWN" };
    const matching = (conds: Array<[number, string]>) => matrix.filter((r) => conds.every(([col, v]) => r.verdicts[col] === v)).map((r) => r.name);
    let pick: Array<[number, string]> | null = null;
    for (const a of matrix) {
      for (const b of [1, 2]) {
        const conds: Array<[number, string]> = [[0, a.verdicts[0]!], [b, a.verdicts[b]!]];
        if (matching(conds).length < matching(conds.slice(0, 1)).length) pick = conds;
      }
    }
    expect(pick, "two criteria whose verdicts narrow the list").not.toBeNull();
    const expected = matching(pick!);

    await page.getByLabel("Criterion", { exact: true }).selectOption({ label: MATRIX_CRITERIA[pick![0]![0]]!.text });
    await page.getByLabel("Verdict", { exact: true }).selectOption(LABELS[pick![0]![1]]!);
    await expect(table.getByTestId("candidate-row")).toHaveCount(matching(pick!.slice(0, 1)).length);
    await page.getByRole("button", { name: "+ Add a criterion" }).click();
    await page.getByLabel("Criterion 2", { exact: true }).selectOption({ label: MATRIX_CRITERIA[pick![1]![0]]!.text });
    await page.getByLabel("Verdict 2", { exact: true }).selectOption(LABELS[pick![1]![1]]!);
    await expect(page).toHaveURL(/v=[^&]+&v=[^&]+/);
    await expect(table.getByTestId("candidate-row")).toHaveCount(expected.length);
    expect((await table.getByTestId("candidate-row").getByRole("link").allInnerTexts()).map((n) => n.trim()).sort()).toEqual([...expected].sort());
    await expect(heading).toHaveText(`Candidates (${expected.length} of ${total})`);
    await shot(page, "two-criteria-filter-desktop");
    await page.setViewportSize(PHONE);
    await page.getByTestId("candidate-filters").scrollIntoViewIfNeeded();
    await shot(page, "two-criteria-filter-phone");
    await page.setViewportSize(DESKTOP);

    await page.getByRole("button", { name: `Remove the filter on ${MATRIX_CRITERIA[pick![1]![0]]!.text}` }).click();
    await expect(table.getByTestId("candidate-row")).toHaveCount(matching(pick!.slice(0, 1)).length);
    await page.getByLabel("Status").selectOption("all");
    await expect(page).toHaveURL(/status=all/);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).not.toHaveURL(/status=|v=/);
    await expect(page.getByLabel("Status")).toHaveValue("active");

    // Unsaved criteria: following a link asks first; declining keeps the edit, accepting leaves.
    await page.goto(`/jobs/${job.jobId}?tab=criteria&edit=1`);
    const dialogs: string[] = [];
    let answer = false;
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void (answer ? d.accept() : d.dismiss());
    });
    const first = page.getByRole("textbox", { name: "Criterion 1", exact: true });
    await first.fill("Hands-on experience with Python and Django");
    const candidatesTab = page.getByRole("navigation", { name: "Job sections" }).getByRole("link", { name: /^Candidates/ });
    await candidatesTab.click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toMatch(/not saved/);
    await expect(page).toHaveURL(/edit=1/);
    await expect(first).toHaveValue("Hands-on experience with Python and Django");
    answer = true;
    await candidatesTab.click();
    await expect(page).not.toHaveURL(/tab=criteria/);
    expect(dialogs).toHaveLength(2);
    // Nothing unsaved, nothing asked.
    await page.goto(`/jobs/${job.jobId}?tab=criteria&edit=1`);
    await page.getByRole("link", { name: "Done editing" }).click();
    await expect(page).not.toHaveURL(/edit=1/);
    expect(dialogs).toHaveLength(2);
  });

  test("Export CSV downloads the ranked list as filtered, with a column per criterion; another organization gets a 404", async ({ page, browser }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    const job = jobs[1]!;
    await page.goto(`/jobs/${job.jobId}`);
    await page.getByLabel("Criterion", { exact: true }).selectOption({ label: MATRIX_CRITERIA[0]!.text });
    await page.getByLabel("Verdict", { exact: true }).selectOption("MET");
    await expect(page).toHaveURL(/v=/);
    const table = page.getByTestId("candidate-table");
    await expect(table.getByTestId("candidate-row").filter({ hasText: ROSA.name })).toHaveCount(1);
    const shown = (await table.getByTestId("candidate-row").getByRole("link").allInnerTexts()).map((n) => n.trim());

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("product-designer-candidates.csv");
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(`Rank,Name,Email,Stage,Status,Archive reason,Score,Required criteria,Verdicts that need review,Screened with current criteria,${MATRIX_CRITERIA.map((c) => c.text).join(",")}`);
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.map((r) => r[1])).toEqual(shown);
    expect(rows.map((r) => r[0])).toEqual(shown.map((_, i) => String(i + 1)));
    // Every exported row meets the filter: the first criterion's column says Met.
    for (const r of rows) expect(r[10]).toBe("Met");
    expect(rows.find((r) => r[1] === ROSA.name)?.[2]).toBe(ROSA.email);

    const stranger = await browser.newContext({ baseURL: page.url() });
    const other = await stranger.newPage();
    await signIn(other, "admin@demo.test");
    expect((await other.request.get(`/api/jobs/${job.jobId}/export`)).status()).toBe(404);
    await stranger.close();
  });

  test("Settings → Team: an invitation's link is copied, a new link replaces it, expiry is shown, and it can be revoked", async ({ page, browser }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/settings/team");
    const email = `newhire.${RUN}@quill.test`;
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Invite" }).click();
    const first = (await page.locator("code").filter({ hasText: "/invite/" }).innerText()).trim();
    await page.getByRole("button", { name: `Copy the invitation link for ${email}` }).click();
    await expect(page.getByRole("button", { name: `Copied the invitation link for ${email}` })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

    const row = page.getByTestId("invitation").filter({ hasText: email });
    await expect(row).toContainText(/recruiter · expires in (6|7) days/);
    await expect(row.locator("time")).toHaveAttribute("title", /UTC$/);
    await row.getByRole("button", { name: `New invitation link for ${email}` }).click();
    const second = (await row.getByRole("status").locator("code").innerText()).trim();
    expect(second).not.toBe(first);
    await shot(page, "team-invitations-desktop");
    await page.setViewportSize(PHONE);
    await row.scrollIntoViewIfNeeded();
    await shot(page, "team-invitations-phone");

    // The old link no longer works, the new one does.
    const invitee = await browser.newContext({ baseURL: page.url() });
    const tab = await invitee.newPage();
    await tab.goto(new URL(first).pathname);
    await expect(tab.getByText("This invitation is invalid or has expired")).toBeVisible();
    await tab.goto(new URL(second).pathname);
    await expect(tab.getByText("This invitation is invalid or has expired")).toHaveCount(0);
    await invitee.close();

    await row.getByRole("button", { name: `Revoke the invitation of ${email}` }).click();
    await expect(page.getByTestId("invitation").filter({ hasText: email })).toHaveCount(0);
  });

  test("a candidate link opened signed out returns to the candidate after sign-in; an off-site callback is refused", async ({ page }) => {
    expect(candidateUrl).not.toBe("");
    await page.setViewportSize(DESKTOP);
    await page.goto(candidateUrl);
    await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(candidateUrl).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    await submitSignIn(page, owner, OWNER_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${candidateUrl}$`));
    await expect(page.getByRole("heading", { name: ROSA.name, level: 1 })).toBeVisible();

    for (const next of ["https://evil.example/steal", "//evil.example/steal", "/\\evil.example"]) {
      await page.context().clearCookies();
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await submitSignIn(page, owner, OWNER_PASSWORD);
      await expect(page).toHaveURL(/\/jobs$/);
    }
  });

  test("a 404 has a way back; axe finds no violations on sign-in, jobs, a job, a candidate, search and the Settings tabs", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(DESKTOP);
    await page.goto("/login");
    await expectNoAxeViolations(page, "sign-in");
    await page.goto("/signup");
    await expectNoAxeViolations(page, "sign-up");
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    await shot(page, "not-found");
    await expectNoAxeViolations(page, "404");

    await page.goto("/login");
    await submitSignIn(page, owner, OWNER_PASSWORD);
    await expect(page).toHaveURL(/\/jobs$/);
    // The skip link is the first thing Tab reaches, and it moves focus to the page's content.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();

    const pages: Array<[string, string]> = [
      ["/jobs", "jobs"],
      [`/jobs/${jobs[0]!.jobId}`, "a job"],
      [candidateUrl, "a candidate"],
      [`/search?q=${encodeURIComponent(ROSA.name)}`, "search results"],
      ["/settings/profile", "Settings → Profile"],
      ["/settings/team", "Settings → Team"],
      ["/settings/ats", "Settings → ATS"],
      ["/settings/notice", "Settings → Candidate notice"],
      [`/jobs/${jobs[0]!.jobId}/candidates/no-such-candidate`, "a missing candidate"],
    ];
    for (const [path, what] of pages) {
      await page.goto(path);
      await expect(page.locator("main#main")).toBeVisible();
      await expectNoAxeViolations(page, what);
    }
    await page.setViewportSize(PHONE);
    for (const [path, what] of pages.slice(0, 3)) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${what} on a phone`);
    }
  });
});
