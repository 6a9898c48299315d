import { expect, test } from "@playwright/test";
import { connectLever, pauseWebhooks, screenshots, signIn, sim } from "./helpers";

interface SimNote {
  id: string;
  opportunityId: string;
  value: string;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
}
interface SimState {
  webhooks: { id: string; enabled: boolean }[];
  accounts: {
    name: string;
    postings: { id: string; text: string }[];
    stages: { id: string; text: string }[];
    archiveReasons: { id: string; text: string; type: string; status: string }[];
  }[];
  notes: SimNote[];
  stageChanges: { opportunityId: string; toStageId: string }[];
  archives: { opportunityId: string; reason: string | null }[];
}

const RUN = Date.now().toString(36);
const POSTING = "Product Manager, Autonomy";
const APPLICANTS = Array.from({ length: 22 }, (_, i) => `Wren Writeback ${RUN} ${String(i + 1).padStart(2, "0")}`);
const RESUME = [
  "Senior Product Manager with eight years of experience shipping robotics and autonomy products.",
  "Owned the roadmap for a fleet of delivery robots; worked daily with engineering, design and operations.",
  "Education: BSc Mechanical Engineering.",
].join("\n");

const shoot = screenshots("writeback");

const state = () => sim<SimState>("/_sim/state");
const acme = (s: SimState) => s.accounts.find((a) => a.name === "Acme Robotics")!;
const notesOf = (s: SimState, opportunityId: string) => s.notes.filter((n) => n.opportunityId === opportunityId && !n.deleted);

/** From import to Lever: screening notes, a re-screen that replaces them, a bulk reject and an advance, as the simulator records them. */
test.describe.serial("writing screening results and stage changes back to Lever", () => {
  const opportunities = new Map<string, string>();
  let resumeWebhooks: () => Promise<void> = async () => {};

  test.beforeAll(async () => {
    // Applicants are imported by hand here; webhooks from other specs would import them on their own.
    resumeWebhooks = await pauseWebhooks();
    const s = await state();
    const posting = acme(s).postings.find((p) => p.text === POSTING)!;
    for (const name of APPLICANTS) {
      const created = await sim<{ opportunityId: string }>("/_sim/applications", { body: { postingId: posting.id, name, resumeText: RESUME } });
      opportunities.set(name, created.opportunityId);
    }
  });
  test.afterAll(async () => {
    await resumeWebhooks();
  });

  test("importing a job's applicants screens them and posts one note each to Lever", async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, "admin@demo.test");
    await page.goto("/settings/ats");
    if ((await page.getByTestId("lever-connection-status").innerText()) !== "Connected") {
      await connectLever(page);
      await page.keyboard.press("Escape");
    }
    // Stages and rejection reasons for the bulk actions.
    await page.getByRole("button", { name: "Refresh from Lever" }).click();
    await expect(page.getByTestId("rejection-reasons")).toContainText("Underqualified");

    await page.goto("/jobs");
    if ((await page.getByRole("link", { name: POSTING }).count()) === 0) {
      await page.getByRole("button", { name: "Import from Lever" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("searchbox", { name: "Search postings" }).fill(POSTING);
      await dialog.getByRole("list", { name: "Lever postings" }).getByLabel(new RegExp(`^${POSTING}`)).check();
      await dialog.getByRole("button", { name: "Import 1 posting" }).click();
      await expect(dialog.getByRole("status").filter({ hasText: "Imported" })).toContainText(POSTING);
      await dialog.getByRole("button", { name: "Close", exact: true }).click();
    }
    await page.getByRole("link", { name: POSTING }).first().click();
    await expect(page.getByRole("heading", { name: POSTING, level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Import from Lever" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Import finished" })).toBeVisible({ timeout: 120_000 });

    await expect(async () => {
      const s = await state();
      for (const id of opportunities.values()) {
        const notes = notesOf(s, id);
        expect(notes).toHaveLength(1);
        expect(notes[0]!.value).toMatch(/^Screening score: \d+\/100/);
        expect(notes[0]!.value).toMatch(/\/jobs\/\w+\/candidates\/\w+$/);
      }
    }).toPass({ timeout: 90_000 });
  });

  test("re-screening after a criterion changes replaces each note instead of adding one", async ({ page }) => {
    test.setTimeout(180_000);
    const before = await state();
    await signIn(page, "recruiter@demo.test");
    await page.getByRole("link", { name: POSTING }).first().click();
    await page.getByRole("navigation", { name: "Job sections" }).getByRole("link", { name: /^Criteria/ }).click();
    await page.getByRole("link", { name: "Edit criteria" }).click();
    const editor = page.getByTestId("criteria-editor");
    const criterion = `Robotics roadmap ownership ${RUN}`;
    await editor.getByTestId("criterion-row").first().getByRole("textbox", { name: /^Criterion \d+$/ }).fill(criterion);
    await editor.getByRole("button", { name: "Save criteria" }).click();
    await expect(editor.getByRole("status")).toContainText("Criteria saved");
    const control = page.getByTestId("screen-control");
    await control.getByRole("button", { name: /^Re-screen \d+$/ }).click();
    await expect(control.getByRole("status")).toContainText("Screening finished", { timeout: 90_000 });

    await expect(async () => {
      const s = await state();
      for (const id of opportunities.values()) {
        const [note, ...more] = notesOf(s, id);
        expect(more).toHaveLength(0);
        expect(note!.id).toBe(notesOf(before, id)[0]!.id);
        expect(note!.value).toContain(criterion);
        expect(note!.updatedAt).toBeGreaterThan(note!.createdAt);
      }
    }).toPass({ timeout: 90_000 });
  });

  test("a recruiter rejects 20 candidates with a reason and advances one; Lever shows 20 archives and the stage change", async ({ page }) => {
    test.setTimeout(180_000);
    const lever = acme(await state());
    const reason = lever.archiveReasons.find((r) => r.text === "Underqualified")!;
    const phone = lever.stages.find((st) => st.text === "Phone interview")!;

    await signIn(page, "recruiter@demo.test");
    await page.getByRole("link", { name: POSTING }).first().click();
    // New applicants only: the test's candidates fit on one page.
    await page.getByRole("combobox", { name: "Stage", exact: true }).selectOption({ label: "New applicant" });
    await expect(page).toHaveURL(/stage=/);
    const bar = page.getByTestId("bulk-actions");
    await expect(bar.getByRole("button", { name: "Reject…" })).toBeDisabled();

    const rejected = APPLICANTS.slice(0, 20);
    for (const name of rejected) await page.getByLabel(`Select ${name}`, { exact: true }).check();
    await expect(bar).toContainText("20 candidates selected");
    await bar.getByRole("button", { name: "Reject…" }).click();
    const dialog = page.getByRole("dialog", { name: "Reject 20 candidates" });
    await expect(dialog.getByRole("button", { name: "Reject 20" })).toBeDisabled();
    await dialog.getByLabel("Rejection reason").selectOption({ label: "Underqualified" });
    await expect(dialog.getByLabel("Rejection reason").locator("option", { hasText: "legacy" })).toHaveCount(0);
    await shoot(page, "reject-dialog", dialog);
    await dialog.getByRole("button", { name: "Reject 20" }).click();
    await expect(page.getByTestId("bulk-outcome")).toContainText("Rejected 20 candidates (Underqualified) · sent to Lever in a few seconds unless you undo");
    await expect(page.getByTestId("bulk-outcome")).toContainText("Rejected 20 candidates (Underqualified) · 20 updates on the way to Lever", { timeout: 20_000 });

    await expect(async () => {
      const s = await state();
      for (const name of rejected) {
        expect(s.archives.filter((a) => a.opportunityId === opportunities.get(name)).map((a) => a.reason)).toEqual([reason.id]);
      }
    }).toPass({ timeout: 60_000 });

    const advanced = APPLICANTS[20]!;
    await page.getByLabel(`Select ${advanced}`, { exact: true }).check();
    await bar.getByRole("button", { name: "Advance to stage…" }).click();
    const advance = page.getByRole("dialog", { name: "Advance 1 candidate" });
    await advance.getByLabel("Stage").selectOption({ label: "Phone interview" });
    await advance.getByRole("button", { name: "Advance 1" }).click();
    await expect(page.getByTestId("bulk-outcome")).toContainText("Moved 1 candidate to Phone interview");
    await expect(async () => {
      const s = await state();
      expect(s.stageChanges.filter((c) => c.opportunityId === opportunities.get(advanced)).map((c) => c.toStageId)).toEqual([phone.id]);
    }).toPass({ timeout: 60_000 });
    await shoot(page, "job", bar);

    // The candidate's page lists what was written to Lever and Lever's answer.
    await page.goto(page.url().replace(/\?.*$/, ""));
    await page.getByRole("link", { name: advanced }).click();
    const history = page.getByTestId("writeback-history");
    await expect(history.getByRole("listitem").filter({ hasText: "Moved to Phone interview" })).toContainText("Written to Lever");
    await expect(history.getByRole("listitem").filter({ hasText: "Screening note" }).first()).toContainText(/Lever (added|updated)/);
    await expect(history.getByRole("listitem").filter({ hasText: "Lever updated the existing note" })).toHaveCount(1);
    await shoot(page, "candidate-history", history);
  });
});
