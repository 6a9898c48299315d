import { expect, test, type Page } from "@playwright/test";
import { connectLever, pauseWebhooks, screenshots, signIn, sim } from "./helpers";

interface SimState {
  accounts: { name: string; postings: { id: string; text: string; state: string; confidentiality: string }[] }[];
}

const RUN = Date.now().toString(36);
const shoot = screenshots("oversight");

/** Calls the app's API from the signed-in page, as its own components do. */
async function api<T>(page: Page, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  return page.evaluate(
    async ({ path, init }) => {
      const res = await fetch(path, { method: init.method ?? (init.body ? "POST" : "GET"), headers: { "content-type": "application/json" }, body: init.body ? JSON.stringify(init.body) : undefined });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { path, init },
  ) as Promise<T>;
}

test.describe.serial("human oversight", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  let jobId: string;
  let postingId: string;
  let resumeWebhooks: () => Promise<void> = async () => {};

  test.beforeAll(async () => {
    resumeWebhooks = await pauseWebhooks();
  });
  test.afterAll(async () => {
    await resumeWebhooks();
  });

  test("a criterion “under 35” is flagged as age; it saves only with a reason, and the reason is shown", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "admin@demo.test");
    await page.goto("/settings/ats");
    if ((await page.getByTestId("lever-connection-status").innerText()) !== "Connected") {
      await connectLever(page);
      await page.keyboard.press("Escape");
    }
    const state = await sim<SimState>("/_sim/state");
    const acme = state.accounts.find((a) => a.name === "Acme Robotics")!;
    // Other specs take the first postings, the last one with a title of its own, and "Product Manager, Autonomy".
    const open = acme.postings.filter((p) => p.state === "published" && p.confidentiality !== "confidential" && p.text !== "Product Manager, Autonomy");
    const posting = open.filter((p, i, all) => all.findIndex((q) => q.text === p.text) === i).at(-2)!;
    postingId = posting.id;
    const imported = await api<{ imported: { jobId: string }[] }>(page, "/api/jobs/import", { body: { postingIds: [posting.id] } });
    jobId = imported.imported[0]!.jobId;

    // The editor, behind the job page's Criteria tab.
    await page.goto(`/jobs/${jobId}?tab=criteria&edit=1`);
    const editor = page.getByTestId("criteria-editor");
    await editor.getByRole("button", { name: "Add criterion" }).click();
    const rows = editor.getByTestId("criterion-row");
    const n = await rows.count();
    const row = rows.nth(n - 1);
    await row.getByRole("textbox", { name: `Criterion ${n}`, exact: true }).fill("under 35");

    // The warning shows as it is typed, with a field for the reason.
    const warning = row.getByTestId("protected-warning");
    await expect(warning).toContainText("“under 35” refers to age, a protected attribute");
    await expect(warning).toContainText("Required to save");

    // Saving without a reason: the API refuses it, naming the row as the editor numbers it.
    await editor.getByRole("button", { name: "Save criteria" }).click();
    await expect(editor.getByRole("alert")).toHaveText(`Criterion ${n} (“under 35”) refers to age, a protected attribute. Give a reason to keep it, or remove it.`);
    await shoot(page, "criterion-warning", row);

    // A vague criterion only gets a hint.
    await editor.getByRole("button", { name: "Add criterion" }).click();
    await rows.nth(n).getByRole("textbox", { name: `Criterion ${n + 1}`, exact: true }).fill("Good culture fit");
    await expect(rows.nth(n).getByTestId("vague-hint")).toContainText("hard to judge from a résumé");

    const reason = "Apprenticeship funded by a youth employment scheme open to under-35s only";
    await row.getByLabel(`Reason to keep criterion ${n}`).fill(reason);
    await editor.getByRole("button", { name: "Save criteria" }).click();
    await expect(editor.getByRole("status").filter({ hasText: "Criteria saved" })).toBeVisible();

    // After a reload the reason is still there, shown with the criterion.
    await page.reload();
    const saved = page.getByTestId("criteria-editor").getByTestId("criterion-row").nth(n - 1);
    await expect(saved.getByLabel(`Reason to keep criterion ${n}`)).toHaveValue(reason);
    await expect(saved.getByTestId("protected-warning")).toContainText("Kept with this reason");
    await shoot(page, "criterion-kept", saved);
  });

  test("a recruiter marks a candidate as asking for human review: badges on both pages, and Re-screen asks first", async ({ page }) => {
    test.setTimeout(150_000);
    const name = `Nia Review ${RUN}`;
    await signIn(page, "recruiter@demo.test");
    await sim("/_sim/applications", { body: { postingId, name, resumeText: "Nia Review — Engineer\nEngineer, Northwind (2018 – present): Python and TypeScript." } });
    await api(page, `/api/jobs/${jobId}/imports`, { body: {} });
    await page.goto(`/jobs/${jobId}`);
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("link", { name })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 120_000 });

    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Asked for human review…" }).click();
    await page.getByLabel("How did they ask? (optional)").fill("In the application form");
    await shoot(page, "mark-human-review", page.getByRole("heading", { name, level: 1 }));
    await page.getByRole("button", { name: "Mark as asked for human review" }).click();
    const banner = page.getByTestId("human-review-banner");
    await expect(banner).toContainText("Automatic screening is off for this candidate");
    await expect(banner).toContainText("In the application form");
    await expect(banner).toContainText(/Recorded (just now|\d+ minutes? ago) by /);
    await expect(banner.locator("time")).toHaveAttribute("title", /^\d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$/);
    await expect(page.getByText("Asked for human review", { exact: true }).first()).toBeVisible();

    // A person may still screen them, but only after saying so.
    await page.getByRole("button", { name: "Re-screen" }).click();
    const question = page.getByRole("alertdialog");
    await expect(question).toContainText(`${name} asked for a human review, so they are not screened automatically. Screen them anyway?`);
    await shoot(page, "candidate-human-review");
    await question.getByRole("button", { name: "Cancel" }).click();
    await expect(question).toBeHidden();

    await page.goto(`/jobs/${jobId}`);
    const row = page.getByTestId("candidate-row").filter({ hasText: name });
    await expect(row.getByText("Asked for human review")).toBeVisible();
    await shoot(page, "job-human-review", row);
  });

  test("the candidate notice: default wording to copy; an admin edits it, and it can go back to the default", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, "admin@demo.test");
    await page.goto("/settings/notice");
    const notice = page.getByLabel(/Notice for job posts/);
    await expect(notice).toHaveValue(/^Demo Company uses an automated screening tool/);
    await expect(notice).toHaveValue(/a person reviews every application and makes every decision/);
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Demo Company uses an automated screening tool/);
    await shoot(page, "notice");

    const text = "Demo Company uses software to help read applications; people make every decision. To be reviewed by a person only, tell us when you apply.";
    await notice.fill(text);
    await page.getByRole("button", { name: "Save notice" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Notice saved." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(/Notice for job posts/)).toHaveValue(text);
    await page.getByRole("button", { name: "Reset to default" }).click();
    await expect(page.getByLabel(/Notice for job posts/)).toHaveValue(/^Demo Company uses an automated screening tool/);
  });
});
