import { expect, test, type Page } from "@playwright/test";
import { connectLever, pauseWebhooks, screenshots, signIn, sim } from "./helpers";

interface SimState {
  accounts: { name: string; postings: { id: string; text: string; state: string }[] }[];
  notes: { opportunityId: string; value: string; score: number | null; deleted: boolean }[];
}

const RUN = Date.now().toString(36);
// A posting no other spec imports: its seeded applicants are technicians, far from these criteria.
const POSTING = "Field Service Technician";
const CRITERIA = [
  { text: "Python", kind: "REQUIRED", weight: "LOW" },
  { text: "Kubernetes", kind: "PREFERRED", weight: "HIGH" },
  { text: "Terraform", kind: "PREFERRED", weight: "HIGH" },
  { text: "Kafka", kind: "PREFERRED", weight: "HIGH" },
];
const PEOPLE = {
  // Every preferred criterion, not the required one: the highest score, ranked below the others.
  high: {
    name: `Hana High ${RUN}`,
    resumeText: [
      "Hana High — Platform Engineer",
      "Platform Engineer, Contoso (2018 – present): ran Kubernetes clusters in production, wrote Terraform modules for every service and operated Kafka pipelines.",
      "Scripting in Bash and Go. Education: BSc Physics.",
    ].join("\n"),
  },
  // The required criterion only: a low score, ranked first.
  low: {
    name: `Lou Low ${RUN}`,
    resumeText: ["Lou Low — Developer", "Developer, Fabrikam (2017 – present): built internal data tools in Python with Django and pandas.", "Education: BA History."].join("\n"),
  },
  // No résumé text: every verdict needs review, ranked between.
  blank: { name: `Nia Blank ${RUN}`, resumeText: "" },
};

const shoot = screenshots("required");
const row = (page: Page, name: string) => page.getByTestId("candidate-row").filter({ hasText: name });

/**
 * A candidate missing a REQUIRED criterion ranks below one who meets them all, whatever the scores;
 * "Needs review" is shown where the engine could not tell; the Lever note says the same in the same words.
 */
test.describe.serial("ranking that respects REQUIRED criteria", () => {
  const opportunities = new Map<keyof typeof PEOPLE, string>();
  let jobUrl = "";
  let resumeWebhooks: () => Promise<void> = async () => {};

  test.beforeAll(async () => {
    // Imported by hand below; webhooks of other specs would import these applicants on their own.
    resumeWebhooks = await pauseWebhooks();
    const state = await sim<SimState>("/_sim/state");
    const posting = state.accounts.find((a) => a.name === "Acme Robotics")!.postings.find((p) => p.text === POSTING)!;
    for (const [key, person] of Object.entries(PEOPLE) as [keyof typeof PEOPLE, (typeof PEOPLE)[keyof typeof PEOPLE]][]) {
      const created = await sim<{ opportunityId: string }>("/_sim/applications", { body: { postingId: posting.id, ...person } });
      opportunities.set(key, created.opportunityId);
    }
  });
  test.afterAll(async () => {
    await resumeWebhooks();
  });

  test("the job page ranks all-required-met above required-needs-review above missing-required, and filters on both", async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, "admin@demo.test");
    await page.goto("/settings/ats");
    if ((await page.getByTestId("lever-connection-status").innerText()) !== "Connected") {
      await connectLever(page);
      await page.keyboard.press("Escape");
    }

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
    jobUrl = page.url();

    // The criteria of this test (the editor itself is covered by the screening spec).
    const jobId = new URL(jobUrl).pathname.split("/").pop()!;
    const saved = await page.request.put(`/api/jobs/${jobId}/criteria`, { data: { criteria: CRITERIA } });
    expect(saved.status()).toBe(200);

    await page.reload();
    await page.getByRole("button", { name: "Import from Lever" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Import finished" })).toBeVisible({ timeout: 120_000 });
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("screen-status")).toHaveText(/^All \d+ candidates screened$/, { timeout: 1000 });
    }).toPass({ timeout: 90_000 });

    const hana = row(page, PEOPLE.high.name);
    const lou = row(page, PEOPLE.low.name);
    const nia = row(page, PEOPLE.blank.name);
    await expect(hana.getByTestId("score")).toHaveText("90");
    await expect(lou.getByTestId("score")).toHaveText("10");
    await expect(nia.getByTestId("score")).toHaveText("0");
    const names = await page.getByTestId("candidate-row").getByRole("link").allInnerTexts();
    const at = (name: string) => names.indexOf(name);
    expect(at(PEOPLE.low.name)).toBeGreaterThanOrEqual(0);
    expect(at(PEOPLE.low.name)).toBeLessThan(at(PEOPLE.blank.name));
    expect(at(PEOPLE.blank.name)).toBeLessThan(at(PEOPLE.high.name));

    // The REQUIRED state beside each score, and what needs review.
    await expect(hana.getByTestId("required-state")).toHaveText(/Missing required/);
    await expect(hana.getByTestId("score")).toHaveAttribute("title", /required criterion is not met/);
    await expect(lou.getByTestId("required-state")).toHaveText(/All required met/);
    await expect(nia.getByTestId("required-state")).toHaveText(/Required needs review/);
    await expect(nia.getByTestId("needs-review")).toHaveText("4 need review");
    // Her 0 means nothing could be checked, and says so, in the needs-review colour rather than a failing red.
    await expect(nia.getByTestId("score")).toHaveAttribute("title", /nothing could be checked/);
    await expect(nia.getByTitle("Python: Needs review")).toBeVisible();
    await expect(hana.getByTestId("needs-review")).toHaveCount(0);
    await shoot(page, "job", page.getByRole("heading", { name: /^Candidates/ }));
    await shoot(page, "job-missing-required", hana);

    await page.getByLabel("Required criteria").selectOption({ label: "Meets all required" });
    await expect(page).toHaveURL(/required=met/);
    await expect(lou).toBeVisible();
    await expect(hana).toHaveCount(0);
    await expect(nia).toHaveCount(0);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).not.toHaveURL(/required=/);
    await page.getByRole("checkbox", { name: "Needs review" }).check();
    await expect(page).toHaveURL(/review=1/);
    await expect(nia).toBeVisible();
    await expect(lou).toHaveCount(0);
    await expect(hana).toHaveCount(0);
    await shoot(page, "filtered", page.getByTestId("candidate-filters"));

    await page.getByLabel("Criterion", { exact: true }).selectOption({ label: "Python" });
    await expect(page.getByLabel("Verdict", { exact: true }).locator("option", { hasText: /^needs review$/ })).toHaveCount(1);
  });

  test("the candidate page says what is missing and why each verdict needs review", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, "recruiter@demo.test");
    await page.goto(jobUrl);
    await row(page, PEOPLE.blank.name).getByRole("link", { name: PEOPLE.blank.name }).click();
    await expect(page.getByRole("heading", { name: PEOPLE.blank.name, level: 1 })).toBeVisible();
    await expect(page.getByTestId("required-state")).toHaveText(/Required needs review/);
    await expect(page.getByTestId("required-summary")).toHaveText("Required needs review: Python.");
    await expect(page.getByTestId("needs-review-summary")).toContainText("Needs review (4): Python; Kubernetes; Terraform; Kafka");
    const verdicts = page.getByTestId("verdict");
    await expect(verdicts).toHaveCount(4);
    for (const text of await verdicts.allInnerTexts()) expect(text).toContain("Needs review");
    await expect(verdicts.first().getByTestId("verdict-reason")).toContainText(/^Why it needs review: \S/);
    await shoot(page, "candidate-review");

    await page.goto(jobUrl);
    await row(page, PEOPLE.high.name).getByRole("link", { name: PEOPLE.high.name }).click();
    await expect(page.getByRole("heading", { name: PEOPLE.high.name, level: 1 })).toBeVisible();
    await expect(page.getByTestId("required-state")).toHaveText(/Missing required/);
    await expect(page.getByTestId("required-summary")).toHaveText("Missing required: Python.");
    await expect(page.getByTestId("needs-review-summary")).toHaveCount(0);
  });

  test("the Lever note uses the app's words: the REQUIRED state, Met / Not met / Needs review, and what needs review", async () => {
    const notes = async () => {
      const s = await sim<SimState>("/_sim/state");
      const of = (key: keyof typeof PEOPLE) => s.notes.filter((n) => n.opportunityId === opportunities.get(key) && !n.deleted);
      return { high: of("high"), low: of("low"), blank: of("blank") };
    };
    await expect(async () => {
      const n = await notes();
      expect([n.high.length, n.low.length, n.blank.length]).toEqual([1, 1, 1]);
    }).toPass({ timeout: 60_000 });
    const { high, low, blank } = await notes();

    expect(high[0]!.value).toMatch(/^Screening score: 90\/100 · Missing required\nMissing required: Python\.\n/);
    expect(high[0]!.value).toContain("✕ Not met — Python (required)");
    expect(high[0]!.value).toContain("✓ Met — Kubernetes (preferred)");
    expect(high[0]!.value).toContain("Nothing needs review.");
    // Lever's own 1–4 score never says yes to a candidate missing a requirement.
    expect(high[0]!.score).toBeLessThanOrEqual(2);

    expect(low[0]!.value).toMatch(/^Screening score: 10\/100 · All required met\nAll required criteria met\./);
    expect(low[0]!.value).toContain("✓ Met — Python (required)");

    expect(blank[0]!.value).toMatch(/^Screening score: 0\/100 · Required needs review\nRequired needs review: Python\./);
    expect(blank[0]!.value).toContain("? Needs review — Python (required)");
    expect(blank[0]!.value).toContain("Needs review (4): Python; Kubernetes; Terraform; Kafka");

    // Not the words of Lever's own scale nor the old marks (the engine's summary line is the app's too).
    for (const note of [high[0]!, low[0]!, blank[0]!]) expect(note.value).not.toMatch(/Strong (Yes|No)|\bUnknown\b|✅|❌|❔/);
  });
});
