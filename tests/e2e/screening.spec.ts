import { expect, test, type Page } from "@playwright/test";
import { connectLever, pauseWebhooks, screenshots, signIn, sim } from "./helpers";

interface SimState {
  webhooks: { id: string; enabled: boolean }[];
  accounts: { name: string; postings: { id: string; text: string; state: string; confidentiality: string }[] }[];
}

const RUN = Date.now().toString(36);
const PEOPLE = {
  strong: {
    name: `Ada Quinn ${RUN}`,
    resumeText: [
      "Ada Quinn — Senior Software Engineer",
      "Senior Software Engineer, Northwind (2015 – present): 10 years of software development in Python, TypeScript and Go.",
      "Built distributed systems on AWS and Kubernetes; led a team of six engineers; on-call and incident reviews.",
      "Education: BSc Computer Science, University of Leeds.",
    ].join("\n"),
  },
  weak: {
    name: `Bob Marsh ${RUN}`,
    resumeText: ["Bob Marsh — Store Manager", "Store Manager, Corner Shop (2019 – present): scheduling, inventory and customer service.", "Education: High school diploma."].join("\n"),
  },
  blank: { name: `Cy Blank ${RUN}`, resumeText: "" },
};

const shoot = screenshots("screening");

const row = (page: Page, name: string) => page.getByTestId("candidate-row").filter({ hasText: name });

test.describe.serial("screening candidates against a job's criteria", () => {
  let posting: { id: string; text: string };
  let resumeWebhooks: () => Promise<void> = async () => {};

  test.beforeAll(async () => {
    // This spec imports by hand; webhooks from other specs would import the applicants on their own.
    resumeWebhooks = await pauseWebhooks();
    const state = await sim<SimState>("/_sim/state");
    const acme = state.accounts.find((a) => a.name === "Acme Robotics")!;
    const open = acme.postings.filter((p) => p.state === "published" && p.confidentiality !== "confidential");
    // The other specs use the first postings; take the last one with a title of its own.
    posting = open.filter((p, i, all) => all.findIndex((q) => q.text === p.text) === i).at(-1)!;
    for (const p of Object.values(PEOPLE)) await sim("/_sim/applications", { body: { postingId: posting.id, ...p } });
  });
  test.afterAll(async () => {
    await resumeWebhooks();
  });

  test("an imported job has drafted criteria; its applicants are screened with scores and evidence", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "admin@demo.test");
    await page.goto("/settings/ats");
    if ((await page.getByTestId("lever-connection-status").innerText()) !== "Connected") {
      await connectLever(page);
      await page.keyboard.press("Escape");
    }

    await page.goto("/jobs");
    await page.getByRole("button", { name: "Import from Lever" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("searchbox", { name: "Search postings" }).fill(posting.text);
    const list = dialog.getByRole("list", { name: "Lever postings" });
    await list.getByLabel(new RegExp(`^${posting.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)).check();
    await dialog.getByRole("button", { name: "Import 1 posting" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Imported" })).toContainText(posting.text);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await page.getByRole("link", { name: posting.text }).first().click();
    await expect(page.getByRole("heading", { name: posting.text, level: 1 })).toBeVisible();

    // Criteria were drafted from the posting's requirement lists (the Criteria tab; the page opens on Candidates).
    const sections = page.getByRole("navigation", { name: "Job sections" });
    await sections.getByRole("link", { name: /^Criteria/ }).click();
    const drafted = page.getByTestId("criteria-list").getByTestId("criterion");
    await expect(drafted.first()).toBeVisible();
    expect(await drafted.count()).toBeGreaterThanOrEqual(2);
    await sections.getByRole("link", { name: /^Candidates/ }).click();

    await page.getByRole("button", { name: "Import from Lever" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Import finished" })).toBeVisible({ timeout: 120_000 });

    // Imported candidates are screened by the worker on their own; the list fills in as they are.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("screen-status")).toHaveText(/^All \d+ candidates screened$/, { timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    const ada = row(page, PEOPLE.strong.name);
    await expect(ada.getByTestId("score")).toHaveText(/^\d+$/);
    expect(Number(await ada.getByTestId("score").innerText())).toBeGreaterThan(Number(await row(page, PEOPLE.weak.name).getByTestId("score").innerText()));
    await expect(ada.getByTestId("verdict-mark").first()).toBeVisible();
    await shoot(page, "job");
    await shoot(page, "job-table", page.getByRole("heading", { name: /^Candidates/ }));

    // The candidate page shows each verdict with the quoted evidence, and the résumé.
    await ada.getByRole("link", { name: PEOPLE.strong.name }).click();
    await expect(page.getByRole("heading", { name: PEOPLE.strong.name, level: 1 })).toBeVisible();
    await expect(page.getByTestId("verdict").first()).toBeVisible();
    await expect(page.getByTestId("evidence").first()).toContainText(/Python|Kubernetes|engineer|Computer Science/i);
    await page.getByText("Show résumé text").click();
    await expect(page.getByTestId("resume")).toContainText("Northwind");
    await shoot(page, "candidate");

    // Without résumé text every verdict needs review.
    await page.goBack();
    await row(page, PEOPLE.blank.name).getByRole("link", { name: PEOPLE.blank.name }).click();
    await expect(page.getByTestId("verdict").first()).toBeVisible();
    const verdicts = await page.getByTestId("verdict").allInnerTexts();
    expect(verdicts.every((v) => /Needs review/.test(v))).toBe(true);
  });

  test("editing a criterion offers a re-screen, and the re-screen changes scores and verdicts", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "recruiter@demo.test");
    await page.getByRole("link", { name: posting.text }).first().click();
    const bob = row(page, PEOPLE.weak.name);
    const before = Number(await bob.getByTestId("score").innerText());

    const sections = page.getByRole("navigation", { name: "Job sections" });
    await sections.getByRole("link", { name: /^Criteria/ }).click();
    await page.getByRole("link", { name: "Edit criteria" }).click();
    const editor = page.getByTestId("criteria-editor");
    const first = editor.getByTestId("criterion-row").first();
    await first.getByRole("textbox", { name: /^Criterion \d+$/ }).fill("Store management");
    await first.getByLabel(/^Kind of criterion/).selectOption("REQUIRED");
    await first.getByLabel(/^Weight of criterion/).selectOption("HIGH");
    await editor.getByRole("button", { name: "Add criterion" }).click();
    await editor.getByTestId("criterion-row").last().getByRole("textbox", { name: /^Criterion \d+$/ }).fill("Spanish speaker");
    await editor.getByTestId("criterion-row").last().getByLabel(/^Kind of criterion/).selectOption("NEUTRAL");
    await editor.getByRole("button", { name: "Save criteria" }).click();
    await expect(editor.getByRole("status")).toContainText("Criteria saved");

    const control = page.getByTestId("screen-control");
    await expect(control).toContainText(/Criteria changed — re-screen \d+ candidates/);
    await sections.getByRole("link", { name: /^Candidates/ }).click();
    await expect(control).toContainText(/Criteria changed — re-screen \d+ candidates/);
    await expect(bob.getByTestId("score")).toHaveAttribute("title", "Screened with earlier criteria");
    await shoot(page, "criteria-changed", control);
    await control.getByRole("button", { name: /^Re-screen \d+$/ }).click();
    await expect(control.getByRole("status")).toContainText("Screening finished", { timeout: 60_000 });

    await expect(bob.getByTestId("score")).not.toHaveText(String(before));
    expect(Number(await bob.getByTestId("score").innerText())).toBeGreaterThan(before);
    await expect(bob.getByTitle("Store management: Met")).toBeVisible();
    await expect(row(page, PEOPLE.strong.name).getByTitle("Store management: Not met")).toBeVisible();

    // Filter by a verdict on the neutral criterion, and select the rows for a bulk action.
    await page.getByLabel("Criterion", { exact: true }).selectOption({ label: "Spanish speaker (neutral)" });
    await page.getByLabel("Verdict", { exact: true }).selectOption("UNKNOWN");
    await expect(page).toHaveURL(/v=.*%3AUNKNOWN|v=.*:UNKNOWN/);
    await expect(row(page, PEOPLE.blank.name)).toBeVisible();
    await expect(row(page, PEOPLE.strong.name)).toHaveCount(0);
    await page.getByLabel("Select all candidates on this page").check();
    await expect(page.getByTestId("selection-bar")).toContainText(/selected/);
    await shoot(page, "filtered");
  });
});
