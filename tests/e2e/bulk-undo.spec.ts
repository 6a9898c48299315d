import { expect, test, type Locator, type Page } from "@playwright/test";
import { disconnectAs, sim, signIn, signUp, OWNER_PASSWORD } from "./helpers";
import { GLOBEX, seedJobs, type SeededJob } from "./recruiter-data";

const RUN = Date.now().toString(36);
// An organization of its own on the simulator's Globex Health account, with a posting no other spec imports.
// A Lever account belongs to one organization at a time, so afterAll disconnects it for the next spec.
const ORG = `Undo Hiring ${RUN}`;
const POSTING = "Senior Backend Engineer (TypeScript)";
const APPLICANTS = [1, 2, 3].map((i) => ({ posting: 0, name: `Uma Undo ${RUN} ${i}`, resumeText: "Backend engineer: TypeScript, Node.js, PostgreSQL on AWS for six years." }));

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface SimState {
  accounts: { id: string; name: string }[];
  stageChanges: { accountId: string; opportunityId: string; toStageId: string }[];
  archives: { accountId: string; opportunityId: string; reason: string | null }[];
}

async function globexArchives() {
  const state = await sim<SimState>("/_sim/state");
  const account = state.accounts.find((a) => a.name === GLOBEX.account)!;
  return state.archives.filter((w) => w.accountId === account.id);
}

const shoot = async (page: Page, name: string) => {
  await page.screenshot({ path: `test-results/bulk-undo-${name}-${page.viewportSize()!.width}.png` });
};

const rowOf = (page: Page, name: string): Locator => page.getByTestId("candidate-row").filter({ hasText: name });

test.describe.serial("bulk reject with a safety net: names, late-stage warning, Undo, Restore", () => {
  let job: SeededJob;
  let owner = "";
  let archivesAtStart = 0;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(360_000);
    const page = await browser.newPage();
    owner = await signUp(page, ORG);
    job = (await seedJobs(page, GLOBEX, [POSTING], APPLICANTS))[0]!;
    archivesAtStart = (await globexArchives()).length;
    await page.close();
  });

  test.afterAll(({ browser }) => disconnectAs(browser, owner));

  for (const [label, size] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    test(`${label}: the dialog names who is rejected and warns about Offer; Undo cancels and Lever receives nothing`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await signIn(page, owner, OWNER_PASSWORD);
      await page.goto(`/jobs/${job.jobId}?status=active`);
      const bar = page.getByTestId("bulk-actions");
      const [offered, ...rest] = APPLICANTS.map((a) => a.name);

      // One of them is at Offer (moved there in the app, so the stage is the app's own).
      if (!(await rowOf(page, offered!).innerText()).includes("Offer")) {
        await page.getByLabel(`Select ${offered}`, { exact: true }).check();
        await bar.getByRole("button", { name: "Advance to stage…" }).click();
        const advance = page.getByRole("dialog", { name: "Advance 1 candidate" });
        await advance.getByLabel("Stage").selectOption({ label: "Offer" });
        await advance.getByRole("button", { name: "Advance 1" }).click();
        await expect(page.getByTestId("bulk-outcome")).toContainText("Moved 1 candidate to Offer");
        await page.getByRole("button", { name: "Dismiss this message" }).click();
        await expect(page.getByTestId("bulk-outcome")).toHaveCount(0);
      }
      await expect(rowOf(page, offered!)).toContainText("Offer");

      const archivesBefore = (await globexArchives()).length;
      for (const name of [offered!, ...rest]) await page.getByLabel(`Select ${name}`, { exact: true }).check();
      await bar.getByRole("button", { name: "Reject…" }).click();
      const dialog = page.getByRole("dialog", { name: "Reject 3 candidates" });
      const list = dialog.getByTestId("bulk-action-list");
      for (const name of [offered!, ...rest]) await expect(list).toContainText(name);
      await expect(list.getByRole("listitem").filter({ hasText: offered! })).toContainText("OfferLate stage");
      await expect(dialog.getByTestId("late-stage-warning")).toContainText(`${offered} is at a late stage (Offer or later) or hired.`);
      await dialog.getByLabel("Rejection reason").selectOption({ index: 1 });
      const reject = dialog.getByRole("button", { name: "Reject 3" });
      await expect(reject).toBeDisabled();
      await dialog.getByLabel("Yes, reject them too.").check();
      await expect(reject).toBeEnabled();
      await shoot(page, "dialog");
      await reject.click();

      const banner = page.getByTestId("bulk-outcome");
      await expect(banner).toContainText("Rejected 3 candidates");
      await expect(banner).toContainText("sent to Lever in a few seconds unless you undo");
      // The change shows at once: the active list no longer holds them.
      await expect(rowOf(page, offered!)).toHaveCount(0);
      await shoot(page, "banner");
      await banner.getByRole("button", { name: /^Undo \(\d+s\)$/ }).click();
      await expect(banner).toContainText("Undone: 3 candidates back as before. Nothing was sent to Lever.");
      for (const name of [offered!, ...rest]) await expect(rowOf(page, name)).toHaveCount(1);
      await expect(rowOf(page, offered!)).toContainText("Offer");
      await shoot(page, "undone");

      await banner.getByRole("button", { name: "Dismiss this message" }).click();
      await expect(banner).toHaveCount(0);
      expect((await globexArchives()).length).toBe(archivesBefore);
    });
  }

  test("without Undo the rejection reaches Lever once; Restore on the candidate page writes one unarchive", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    await page.goto(`/jobs/${job.jobId}?status=active`);
    const name = APPLICANTS[1]!.name;
    await rowOf(page, name).getByRole("link", { name }).click();
    const opportunity = (await page.getByRole("link", { name: "Open in Lever ↗" }).getAttribute("href"))!.split("/").pop()!;
    await page.goBack();

    await page.getByLabel(`Select ${name}`, { exact: true }).check();
    await page.getByTestId("bulk-actions").getByRole("button", { name: "Reject…" }).click();
    const dialog = page.getByRole("dialog", { name: "Reject 1 candidate" });
    await expect(dialog.getByTestId("late-stage-warning")).toHaveCount(0);
    await dialog.getByLabel("Rejection reason").selectOption({ index: 1 });
    await dialog.getByRole("button", { name: "Reject 1" }).click();
    const banner = page.getByTestId("bulk-outcome");
    // After the window Undo is gone and the write-back goes out.
    await expect(banner.getByRole("button", { name: /^Undo/ })).toHaveCount(0, { timeout: 20_000 });
    await expect(banner).toContainText("1 update on the way to Lever");
    await expect(async () => {
      const archives = (await globexArchives()).filter((a) => a.opportunityId === opportunity);
      expect(archives).toHaveLength(1);
      expect(archives[0]!.reason).not.toBeNull();
    }).toPass({ timeout: 60_000 });
    // The undone rejections were queued before this one, so their windows ended first: still, this is
    // the only archive Lever received from this organization.
    expect((await globexArchives()).length - archivesAtStart).toBe(1);

    await page.goto(`/jobs/${job.jobId}?status=archived`);
    await rowOf(page, name).getByRole("link", { name }).click();
    await page.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByTestId("decision-outcome")).toContainText(`${name} is restored to the pipeline · on its way to Lever.`);
    await expect(page.getByRole("button", { name: "Restore" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Reject…" })).toBeEnabled();
    await page.screenshot({ path: "test-results/bulk-undo-restored-1440.png" });
    await expect(async () => {
      const archives = (await globexArchives()).filter((a) => a.opportunityId === opportunity);
      expect(archives.map((a) => a.reason === null)).toEqual([false, true]);
    }).toPass({ timeout: 60_000 });
  });
});
