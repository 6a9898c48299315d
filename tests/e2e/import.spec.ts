import { expect, test, type Page } from "@playwright/test";
import { connectLever, pauseWebhooks, screenshots, signIn, sim } from "./helpers";

interface SimState {
  webhooks: { id: string; enabled: boolean }[];
  accounts: { name: string; postings: { id: string; text: string; state: string; confidentiality: string }[] }[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const counts = async (page: Page) => {
  const text = await page.getByTestId("import-progress-count").innerText();
  const m = /(\d+) \/ (\d+) applicants/.exec(text);
  return m ? { done: Number(m[1]), total: Number(m[2]) } : null;
};

const shoot = screenshots("import");

test.describe.serial("importing jobs and applicants from Lever by hand", () => {
  let postings: { id: string; text: string }[];
  let resumeWebhooks: () => Promise<void> = async () => {};

  test.beforeAll(async () => {
    // Webhooks (from another spec) would import the new applicants on their own; this spec is about manual imports.
    resumeWebhooks = await pauseWebhooks();
    const state = await sim<SimState>("/_sim/state");
    const acme = state.accounts.find((a) => a.name === "Acme Robotics")!;
    const open = acme.postings.filter((p) => (p.state === "published" || p.state === "internal") && p.confidentiality !== "confidential");
    // The first published posting is used by the connect spec; take two others with distinct titles.
    postings = open.slice(1).filter((p, i, all) => all.findIndex((q) => q.text === p.text) === i).slice(0, 2);
    expect(postings).toHaveLength(2);
  });
  test.afterAll(async () => {
    await resumeWebhooks();
  });

  test("without Lever, the jobs page points to Settings → ATS; an admin connects and sees stages and rejection reasons", async ({ page }) => {
    await signIn(page, "admin@demo.test");
    await page.goto("/settings/ats");
    if ((await page.getByTestId("lever-connection-status").innerText()) !== "Connected") {
      await page.goto("/jobs");
      await expect(page.getByRole("heading", { name: "Connect your ATS to import jobs" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Go to Settings → ATS" })).toBeVisible();
      await connectLever(page);
      await page.keyboard.press("Escape");
    }
    await page.goto("/settings/ats");
    await page.getByRole("button", { name: "Refresh from Lever" }).click();
    await expect(page.getByTestId("rejection-reasons")).toContainText("Underqualified");
    await expect(page.getByTestId("rejection-reasons")).not.toContainText("legacy");
    await expect(page.getByTestId("stages")).toContainText("Phone interview");
    await shoot(page, "settings-ats");
  });

  test("a recruiter searches the Lever postings and imports two of them", async ({ page }) => {
    await signIn(page, "recruiter@demo.test");
    await page.goto("/jobs");
    await page.getByRole("button", { name: "Import from Lever" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Import jobs from Lever" })).toBeVisible();
    const list = dialog.getByRole("list", { name: "Lever postings" });
    await expect(list.getByRole("listitem").first()).toBeVisible();
    await shoot(page, "picker");

    for (const [mine, other] of [[postings[0]!, postings[1]!], [postings[1]!, postings[0]!]] as const) {
      await dialog.getByRole("searchbox", { name: "Search postings" }).fill(mine.text);
      await expect(list.getByLabel(new RegExp(`^${escape(mine.text)}`))).toBeVisible();
      await expect(list.getByLabel(new RegExp(`^${escape(other.text)}`))).toHaveCount(0);
      await list.getByLabel(new RegExp(`^${escape(mine.text)}`)).check();
    }
    await dialog.getByRole("searchbox", { name: "Search postings" }).fill("no posting is called this");
    await expect(dialog.getByText(/No postings match/)).toBeVisible();
    await dialog.getByRole("button", { name: "Import 2 postings" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Imported" })).toContainText(postings[0]!.text);
    await dialog.getByRole("searchbox", { name: "Search postings" }).fill(postings[0]!.text);
    await expect(list.getByRole("listitem").filter({ hasText: postings[0]!.text }).getByText("Imported", { exact: true })).toBeVisible();
    await dialog.getByRole("button", { name: "Close", exact: true }).click();

    for (const p of postings) await expect(page.getByRole("link", { name: p.text })).toBeVisible();
    await shoot(page, "jobs");
  });

  test("the recruiter imports a job's applicants with a live progress bar that survives a reload, and can cancel", async ({ page }) => {
    test.setTimeout(240_000);
    const posting = postings[0]!;
    // Enough applicants that the import takes a while at Lever's 10 requests per second.
    for (let i = 0; i < 80; i++) await sim("/_sim/applications", { body: { postingId: posting.id, name: `E2E Applicant ${i}` } });

    await signIn(page, "recruiter@demo.test");
    await page.getByRole("link", { name: posting.text }).click();
    await expect(page.getByRole("heading", { name: posting.text, level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Import from Lever" }).click();

    const progress = page.getByTestId("import-progress");
    await expect(page.getByTestId("import-progress-count")).toHaveText(/[1-9]\d* \/ \d+ applicants/, { timeout: 30_000 });
    const first = (await counts(page))!;
    expect(first.total).toBeGreaterThanOrEqual(80);
    await expect(page.getByTestId("import-rate")).toContainText(/per second/);
    await shoot(page, "job-progress");

    // A reload mid-run shows the same run, further along.
    await page.reload();
    await expect(progress).toHaveAttribute("data-status", "RUNNING");
    await expect(async () => {
      const now = (await counts(page))!;
      expect(now.done).toBeGreaterThan(first.done);
      expect(now.total).toBe(first.total);
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole("progressbar", { name: "Applicant import progress" })).toBeVisible();

    await expect(page.getByRole("status").filter({ hasText: "Import finished" })).toBeVisible({ timeout: 120_000 });
    // Active candidates by default: the count says "N of M" when archived ones are left out.
    await expect(page.getByRole("heading", { name: new RegExp(`^Candidates \\((\\d+ of )?${first.total}\\)$`) })).toBeVisible();
    await expect(page.getByRole("cell", { name: /E2E Applicant/ }).first()).toBeVisible();
    await shoot(page, "job-done", page.getByRole("heading", { name: /^Candidates/ }));

    // Re-import everyone, archived too, and cancel part-way.
    await page.getByLabel("Active and archived").check();
    await page.getByLabel(/Re-import candidates already imported/).check();
    await page.getByRole("button", { name: "Import from Lever" }).click();
    await expect(page.getByTestId("import-progress-count")).toHaveText(/([3-9]|\d{2,}) \/ \d+ applicants/, { timeout: 30_000 });
    await page.getByRole("button", { name: "Cancel import" }).click();
    const cancelled = page.getByRole("status").filter({ hasText: "Import cancelled" });
    await expect(cancelled).toBeVisible({ timeout: 30_000 });
    const m = /after (\d+) of (\d+) applicants/.exec(await cancelled.innerText())!;
    expect(Number(m[1])).toBeLessThan(Number(m[2]));
    // It stays stopped.
    await page.waitForTimeout(3000);
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: `Import cancelled after ${m[1]} of ${m[2]}` })).toBeVisible();
  });
});
