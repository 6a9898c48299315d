import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { disconnectAs, SIM_URL, signIn, signUp, OWNER_PASSWORD } from "./helpers";
import { GLOBEX, seedJobs, type SeededJob } from "./recruiter-data";

const RUN = Date.now().toString(36);
// An organization of its own on the simulator's Globex Health account, with a posting no other spec imports.
// A Lever account belongs to one organization at a time, so afterAll disconnects it for the next spec.
const ORG = `Telehealth Hiring ${RUN}`;
const POSTING = "Registered Nurse – Telehealth";
const PDF_NAME = `Nia Nurse ${RUN}`;
const DOCX_NAME = `Dee Docx ${RUN}`;
const APPLICANTS = [
  { posting: 0, name: PDF_NAME, resumeFormat: "pdf" as const, resumeFileName: "Nia Nurse CV.pdf", resumeText: "Registered nurse, telehealth triage for four years. Epic EHR. Multi-state RN license." },
  { posting: 0, name: DOCX_NAME, resumeFormat: "docx" as const, resumeFileName: "Dee Docx résumé.docx", resumeText: "ICU nurse, eight years. ACLS. Care coordination across clinics." },
];

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Looked at by hand: the page at both widths, with `focus` (when given) scrolled into view at each. */
const shot = async (page: Page, name: string, focus?: Locator) => {
  const size = page.viewportSize() ?? DESKTOP;
  for (const [width, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    await page.setViewportSize(viewport);
    await focus?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/resume-phone-${name}-${width}.png` });
  }
  await page.setViewportSize(size);
};

/** What the simulator holds: the bytes Lever's API serves for the opportunity's newest résumé. */
const simResume = async (opportunityId: string) => Buffer.from(await (await fetch(`${SIM_URL}/_sim/opportunities/${opportunityId}/resume`)).arrayBuffer());
const opportunityOf = async (page: Page) => (await page.getByRole("link", { name: "Open in Lever ↗" }).getAttribute("href"))!.split("/").pop()!;

test.describe.serial("the original résumé, the Back warning and the job page on a phone", () => {
  let job: SeededJob;
  let owner = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    const page = await browser.newPage();
    owner = await signUp(page, ORG);
    job = (await seedJobs(page, GLOBEX, [POSTING], APPLICANTS))[0]!;
    await page.close();
  });

  test.afterAll(({ browser }) => disconnectAs(browser, owner));

  test("a PDF résumé opens in a new tab and downloads with the bytes Lever holds; a DOCX only downloads", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}`);
    await page.getByRole("link", { name: PDF_NAME }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: PDF_NAME })).toBeVisible();
    const opportunityId = await opportunityOf(page);
    const expected = await simResume(opportunityId);
    expect(expected.subarray(0, 5).toString()).toBe("%PDF-");
    await page.getByTestId("resume").locator("summary").click();
    await shot(page, "candidate-resume", page.getByRole("heading", { name: "Résumé" }));

    const view = page.getByRole("link", { name: /^View original/ });
    await expect(view).toHaveAttribute("target", "_blank");
    const [tab] = await Promise.all([page.context().waitForEvent("page"), view.click()]);
    await expect(tab).toHaveURL(/\/api\/candidates\/[^/]+\/resume$/);
    // The same request the tab made, read by the test (the PDF viewer hides the response from the page).
    const shown = await page.request.get(tab.url());
    expect(shown.status()).toBe(200);
    const headers = shown.headers();
    expect(headers["content-type"]).toBe("application/pdf");
    expect(headers["content-security-policy"]).toBe("sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-disposition"]).toMatch(/^inline; filename="Nia Nurse CV.pdf"/);
    expect((await shown.body()).equals(expected)).toBe(true);
    await tab.waitForLoadState();
    // Only for the screenshot: Chromium's PDF viewer draws the page a moment after the load.
    await tab.waitForTimeout(2000);
    await tab.screenshot({ path: "test-results/resume-phone-pdf-tab-desktop.png" });
    await tab.close();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download/ }).click()]);
    expect(download.suggestedFilename()).toBe("Nia Nurse CV.pdf");
    const bytes = await readFile((await download.path())!);
    expect(bytes.equals(expected)).toBe(true);

    await page.goto(`/jobs/${job.jobId}`);
    await page.getByRole("link", { name: DOCX_NAME }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: DOCX_NAME })).toBeVisible();
    await expect(page.getByRole("link", { name: /^View original/ })).toHaveCount(0);
    const docx = await simResume(await opportunityOf(page));
    const [docxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download/ }).click()]);
    expect(docxDownload.suggestedFilename()).toBe("Dee Docx résumé.docx");
    expect((await readFile((await docxDownload.path())!)).equals(docx)).toBe(true);
  });

  test("Back with unsaved criteria asks first: staying keeps the text, leaving goes back", async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}?tab=criteria`);
    await page.getByRole("link", { name: "Edit criteria" }).click();
    await expect(page).toHaveURL(/edit=1/);
    const editor = page.getByTestId("criteria-editor");
    const box = editor.getByTestId("criterion-row").first().getByRole("textbox", { name: /^Criterion \d+$/ });
    await box.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" in a rural clinic");
    const typed = await box.inputValue();
    expect(typed).toMatch(/ in a rural clinic$/);

    const questions: string[] = [];
    page.once("dialog", (d) => {
      questions.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goBack();
    await expect.poll(() => questions).toEqual(["confirm: Your changes to the criteria are not saved. Leave this page and lose them?"]);
    await expect(page).toHaveURL(/edit=1/);
    await expect(box).toHaveValue(typed);

    page.once("dialog", (d) => void d.accept());
    await page.goBack();
    await expect(page).not.toHaveURL(/edit=1/);
    await expect(page).toHaveURL(/tab=criteria/);
    await expect(page.getByTestId("criteria-editor")).toHaveCount(0);
  });

  test("on a phone the job's tabs scroll with the current one in view, and the criterion filter is wide enough to read", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}`);
    await shot(page, "job-candidates");
    const filter = page.getByRole("combobox", { name: "Criterion", exact: true });
    await filter.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/resume-phone-job-filters-phone.png" });
    // The last tab, opened from a link: the page comes back with the strip scrolled to it.
    await page.goto(`/jobs/${job.jobId}?tab=report`);
    await shot(page, "job-report");
    const nav = page.getByRole("navigation", { name: "Job sections" });
    const current = nav.locator('[aria-current="page"]');
    await expect(current).toHaveText(/Report/);
    await expect(current).toBeInViewport({ ratio: 0.99 });
    const list = nav.getByRole("list");
    expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const strip = (await list.boundingBox())!;
    const tab = (await current.boundingBox())!;
    expect(tab.x).toBeGreaterThanOrEqual(strip.x - 1);
    expect(tab.x + tab.width).toBeLessThanOrEqual(strip.x + strip.width + 1);

    await page.goto(`/jobs/${job.jobId}`);
    await expect(filter).toBeVisible();
    expect((await filter.boundingBox())!.width).toBeGreaterThanOrEqual(300);
    await page.setViewportSize(DESKTOP);
    // On a desktop the filters stay on one line: the criterion picker beside its verdict.
    const verdict = page.getByRole("combobox", { name: "Verdict", exact: true });
    expect(Math.abs((await filter.boundingBox())!.y - (await verdict.boundingBox())!.y)).toBeLessThan(2);
  });
});
