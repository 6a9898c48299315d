import { expect, test, type Browser, type Page } from "@playwright/test";
import { connectLever, pauseWebhooks, screenshots, signIn, sim } from "./helpers";

interface SimState {
  accounts: { name: string; postings: { id: string; text: string; state: string; confidentiality: string }[] }[];
}

const shoot = screenshots("confidential");
const RECRUITER = "recruiter@demo.test";

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, email);
  return page;
}

/** Lever limits confidential postings to named people: so does the app, with access an admin gives. */
test.describe.serial("confidential jobs", () => {
  let posting: { id: string; text: string };
  let jobUrl: string;
  let resumeWebhooks: () => Promise<void> = async () => {};

  test.beforeAll(async () => {
    resumeWebhooks = await pauseWebhooks();
    const state = await sim<SimState>("/_sim/state");
    const acme = state.accounts.find((a) => a.name === "Acme Robotics")!;
    posting = acme.postings.find((p) => p.confidentiality === "confidential" && p.state === "published")!;
    expect(posting).toBeTruthy();
  });
  test.afterAll(async () => {
    await resumeWebhooks();
  });

  test("an admin imports a confidential posting with its applicants; a recruiter does not see it", async ({ browser }) => {
    test.setTimeout(180_000);
    const admin = await as(browser, "admin@demo.test");
    await admin.goto("/settings/ats");
    if ((await admin.getByTestId("lever-connection-status").innerText()) !== "Connected") {
      await connectLever(admin);
      await admin.keyboard.press("Escape");
    }
    await admin.goto("/jobs");
    if ((await admin.getByRole("link", { name: posting.text }).count()) === 0) {
      await admin.getByRole("button", { name: "Import from Lever" }).click();
      const dialog = admin.getByRole("dialog");
      await dialog.getByRole("searchbox", { name: "Search postings" }).fill(posting.text);
      const item = dialog.getByRole("list", { name: "Lever postings" }).getByRole("listitem").filter({ hasText: posting.text });
      await expect(item.getByText("Confidential")).toBeVisible();
      await item.getByRole("checkbox").check();
      await dialog.getByRole("button", { name: "Import 1 posting" }).click();
      await expect(dialog.getByRole("status").filter({ hasText: "Imported" })).toContainText(posting.text);
      await dialog.getByRole("button", { name: "Close", exact: true }).click();
    }
    await expect(admin.getByRole("row").filter({ hasText: posting.text }).getByText("Confidential")).toBeVisible();
    await shoot(admin, "admin-jobs");
    await admin.getByRole("link", { name: posting.text }).click();
    await expect(admin.getByRole("heading", { name: posting.text, level: 1 })).toBeVisible();
    jobUrl = new URL(admin.url()).pathname;
    await admin.getByRole("button", { name: "Import from Lever" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Import finished" })).toBeVisible({ timeout: 120_000 });
    await admin.reload();
    // Active candidates by default: the count says "N of M" when archived ones are left out.
    await expect(admin.getByRole("heading", { name: /^Candidates \((\d+ of )?[1-9]\d*\)$/ })).toBeVisible();
    const candidateUrl = new URL(await admin.getByRole("table").getByRole("link").first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
    const candidateName = (await admin.getByRole("table").getByRole("link").first().innerText()).trim();
    // The shell's search finds the candidate for the admin…
    await admin.goto(`/search?q=${encodeURIComponent(candidateName)}`);
    await expect(admin.locator(`a[href="${candidateUrl}"]`)).toHaveCount(1);

    const recruiter = await as(browser, RECRUITER);
    await expect(recruiter.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
    await expect(recruiter.getByRole("link", { name: posting.text })).toHaveCount(0);
    await recruiter.getByRole("button", { name: "Import from Lever" }).click();
    const dialog = recruiter.getByRole("dialog");
    await dialog.getByRole("searchbox", { name: "Search postings" }).fill(posting.text);
    await expect(dialog.getByText(/No postings match/)).toBeVisible();
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    // …and not for the recruiter, by name or by the job's title.
    await recruiter.goto(`/search?q=${encodeURIComponent(candidateName)}`);
    await expect(recruiter.getByRole("heading", { name: /^Candidates/ })).toBeVisible();
    await expect(recruiter.locator(`a[href="${candidateUrl}"]`)).toHaveCount(0);
    await recruiter.goto(`/search?q=${encodeURIComponent(posting.text)}`);
    await expect(recruiter.getByRole("link", { name: posting.text })).toHaveCount(0);
    for (const url of [jobUrl, candidateUrl]) {
      const res = await recruiter.goto(url);
      expect(res?.status()).toBe(404);
      await expect(recruiter.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
    await recruiter.context().close();
    await admin.context().close();
  });

  test("the admin gives the recruiter access on the job page; the recruiter then sees the job; removing it hides it again", async ({ browser }) => {
    const admin = await as(browser, "admin@demo.test");
    await admin.goto(jobUrl);
    const panel = admin.locator("section").filter({ has: admin.getByRole("heading", { name: "Access", exact: true }) });
    const row = panel.getByTestId("access-member").filter({ hasText: RECRUITER });
    await expect(row.getByText("No access")).toBeVisible();
    await shoot(admin, "access-panel-none", panel);
    await row.getByRole("button", { name: `Give access to ${RECRUITER}` }).click();
    await expect(row.getByText("Has access")).toBeVisible();
    await shoot(admin, "access-panel", panel);

    const recruiter = await as(browser, RECRUITER);
    await recruiter.getByRole("link", { name: posting.text }).click();
    await expect(recruiter.getByRole("heading", { name: posting.text, level: 1 })).toBeVisible();
    await expect(recruiter.getByRole("heading", { name: /^Candidates \((\d+ of )?[1-9]\d*\)$/ })).toBeVisible();
    // Members see the job but not the Access panel: giving access is for admins.
    await expect(recruiter.getByRole("heading", { name: "Access", exact: true })).toHaveCount(0);
    await shoot(recruiter, "recruiter-job");

    await row.getByRole("button", { name: `Remove access for ${RECRUITER}` }).click();
    await expect(row.getByText("No access")).toBeVisible();
    const res = await recruiter.goto(jobUrl);
    expect(res?.status()).toBe(404);
    await recruiter.goto("/jobs");
    await expect(recruiter.getByRole("link", { name: posting.text })).toHaveCount(0);
    await recruiter.context().close();
    await admin.context().close();
  });
});
