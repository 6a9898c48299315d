import { expect, test, type Page } from "@playwright/test";
import { connectLever, disconnectAs, sim, signIn, signUp, OWNER_PASSWORD } from "./helpers";
import { enableLatestWebhook, GLOBEX, seedJobs, type SeededJob, waitUntilAllScreened } from "./recruiter-data";

const RUN = Date.now().toString(36);
// An organization of its own on the simulator's Globex Health account, with a posting no other spec imports.
// A Lever account belongs to one organization at a time, so afterAll disconnects it for the next spec.
const ORG = `Lifecycle Hiring ${RUN}`;
const POSTING = "Customer Success Manager";
const KEEP = `Mira Keepwell ${RUN}`;
const GONE = `Tobias Gonewald ${RUN}`;
const APPLICANTS = [
  { posting: 0, name: KEEP, resumeText: "Customer success manager, seven years. Renewals, onboarding and QBRs for healthcare SaaS accounts; Salesforce and Gainsight." },
  { posting: 0, name: GONE, resumeText: "Account manager, four years. Upsell and renewals for B2B software; HubSpot. Onboarding of clinics." },
];

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface SimState {
  accounts: { id: string; name: string }[];
  formTemplates: { id: string; accountId: string; text: string; deleted: boolean }[];
  forms: { id: string; opportunityId: string; fields: { text: string; value: string }[]; deleted: boolean }[];
}

const shot = async (page: Page, name: string) => {
  const size = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `test-results/lifecycle-${name}-desktop.png` });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `test-results/lifecycle-${name}-phone.png` });
  await page.setViewportSize(size);
};

const globex = async () => {
  const state = await sim<SimState>("/_sim/state");
  return { state, account: state.accounts.find((a) => a.name === GLOBEX.account)! };
};
const liveForms = (state: SimState, opportunityId: string) => state.forms.filter((f) => f.opportunityId === opportunityId && !f.deleted);

async function opportunityOf(page: Page, job: SeededJob, name: string): Promise<{ candidateUrl: string; opportunityId: string }> {
  await page.goto(`/jobs/${job.jobId}`);
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const href = await page.getByRole("link", { name: "Open in Lever ↗" }).getAttribute("href");
  return { candidateUrl: page.url(), opportunityId: href!.split("/").pop()! };
}

test.describe.serial("candidate data lifecycle and results as a Lever form", () => {
  let job: SeededJob;
  let owner = "";

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(360_000);
    const page = await browser.newPage();
    owner = await signUp(page, ORG);
    // Results as a form from the start, and the webhooks (candidateDeleted among them) registered.
    await connectLever(page, GLOBEX.superAdmin);
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("radio", { name: /^Form/ }).check();
    await page.getByRole("radio", { name: /^Form/ }).scrollIntoViewIfNeeded();
    await shot(page, "settings-form-choice");
    await dialog.getByRole("button", { name: "Apply Changes" }).click();
    await expect(dialog.getByTestId("dialog-webhook-status")).toBeVisible();
    await page.keyboard.press("Escape");
    await enableLatestWebhook(GLOBEX.account, "candidateDeleted");

    job = (await seedJobs(page, GLOBEX, [POSTING], APPLICANTS))[0]!;
    await waitUntilAllScreened(page, job.jobId);
    await page.close();
  });

  test.afterAll(({ browser }) => disconnectAs(browser, owner));

  test("each candidate's result is one Lever form from one template, replaced on re-screen", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    const keep = await opportunityOf(page, job, KEEP);
    const gone = await opportunityOf(page, job, GONE);
    await expect(async () => {
      const { state } = await globex();
      expect(liveForms(state, keep.opportunityId)).toHaveLength(1);
      expect(liveForms(state, gone.opportunityId)).toHaveLength(1);
    }).toPass({ timeout: 60_000, intervals: [1000] });
    const { state: first, account } = await globex();
    expect(first.formTemplates.filter((t) => t.accountId === account.id && !t.deleted && t.text === "Screening result")).toHaveLength(1);
    const before = liveForms(first, keep.opportunityId)[0]!;
    expect(before.fields.find((f) => f.text === "Screening details")?.value).toContain(new URL(keep.candidateUrl).pathname);

    // New criteria make a new result; the candidate page's Re-screen writes it.
    await page.goto(`/jobs/${job.jobId}?tab=criteria`);
    await page.getByRole("link", { name: "Edit criteria" }).click();
    const editor = page.getByTestId("criteria-editor");
    const row = editor.getByTestId("criterion-row").first().getByRole("textbox", { name: /^Criterion \d+$/ });
    await row.fill(`${await row.inputValue()} (renewals)`);
    await editor.getByRole("button", { name: "Save criteria" }).click();
    await expect(editor.getByRole("status")).toContainText("Criteria saved");
    await page.goto(keep.candidateUrl);
    await page.getByRole("button", { name: "Re-screen" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Re-screened|Already up to date/ })).toBeVisible({ timeout: 60_000 });

    await expect(async () => {
      const { state } = await globex();
      const forms = liveForms(state, keep.opportunityId);
      expect(forms).toHaveLength(1);
      expect(forms[0]!.id).not.toBe(before.id);
    }).toPass({ timeout: 60_000, intervals: [1000] });
    const { state: after } = await globex();
    expect(after.formTemplates.filter((t) => t.accountId === account.id && !t.deleted && t.text === "Screening result")).toHaveLength(1);
  });

  test("deleting the opportunity in Lever removes the candidate from the app within a minute", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, owner, OWNER_PASSWORD);
    const gone = await opportunityOf(page, job, GONE);
    await page.goto(gone.candidateUrl);
    await page.getByRole("button", { name: "Delete candidate data" }).scrollIntoViewIfNeeded();
    await page.getByRole("button", { name: "Delete candidate data" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Nothing is deleted in Lever");
    await expect(dialog).toContainText("1 candidacy");
    await shot(page, "delete-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await sim(`/_sim/opportunities/${gone.opportunityId}`, { method: "DELETE" });
    await expect(async () => {
      await page.goto(`/jobs/${job.jobId}`);
      await expect(page.getByTestId("candidate-table")).toContainText(KEEP, { timeout: 1000 });
      await expect(page.getByTestId("candidate-table")).not.toContainText(GONE, { timeout: 1000 });
    }).toPass({ timeout: 60_000, intervals: [1000, 2000] });
    const response = await page.goto(gone.candidateUrl);
    expect(response?.status()).toBe(404);

    await page.goto("/settings/data");
    await expect(page.getByRole("heading", { name: "Data retention" })).toBeVisible();
    await page.getByLabel("Delete archived candidates after a retention period").check();
    await page.getByLabel("Delete candidates archived more than").fill("3");
    await page.getByRole("button", { name: "Save retention" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Keep archived candidates at least 7 days" })).toBeVisible();
    await page.getByLabel("Delete candidates archived more than").fill("180");
    await page.getByRole("button", { name: "Save retention" }).click();
    await expect(page.getByText("Saved: candidates archived more than 180 days ago are deleted every hour.")).toBeVisible();
    await shot(page, "retention");
    // Opened on a phone, the sideways-scrolling tabs show the current one.
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Data retention" })).toBeInViewport();
    await page.screenshot({ path: "test-results/lifecycle-retention-phone-opened.png" });
  });
});
