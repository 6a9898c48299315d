import { expect, type Page } from "@playwright/test";
import { connectLever, pauseWebhooks, sim } from "./helpers";

interface SimState {
  accounts: { id: string; name: string; postings: { id: string; text: string; state: string; confidentiality: string }[] }[];
  webhooks: { id: string; accountId: string; event: string; createdAt: number }[];
}

/** The simulator's Lever account for specs with an organization of their own (the demo's is Acme Robotics). */
export const GLOBEX = { account: "Globex Health", superAdmin: /Elena Vasquez/ };

export interface SeededJob {
  postingId: string;
  jobId: string;
  title: string;
}

/**
 * Jobs with applicants for specs about what a recruiter does with them (search, candidate pages,
 * accessibility), for the signed-in owner's organization: connects it to the simulator's `account`
 * as `superAdmin` if needed, adds the given applications, and imports the postings and their
 * applicants through the app's own JSON routes (the picker and the import button have specs of
 * their own). The demo organization and the other specs use Acme Robotics; a spec of its own
 * organization on Globex Health shares no job with them. Webhooks are paused meanwhile, so no
 * webhook imports these applicants first.
 */
export async function seedJobs(
  page: Page,
  lever: { account: string; superAdmin: RegExp },
  titles: string[],
  applications: Array<{ posting: number; name: string; email?: string; resumeText?: string; resumeFormat?: "pdf" | "docx"; resumeFileName?: string }>,
): Promise<SeededJob[]> {
  await page.goto("/settings/ats");
  if ((await page.getByTestId("lever-connection-status").innerText()) !== "Connected") {
    await connectLever(page, lever.superAdmin);
    await page.keyboard.press("Escape");
  }
  const resume = await pauseWebhooks();
  try {
    const state = await sim<SimState>("/_sim/state");
    const account = state.accounts.find((a) => a.name === lever.account)!;
    // By title, whatever the posting's state (a closed posting's applicants can be imported too).
    const postings = titles.map((title) => {
      const posting = account.postings.find((p) => p.text === title && p.confidentiality !== "confidential");
      if (!posting) throw new Error(`The simulator has no posting "${title}"`);
      return posting;
    });
    for (const a of applications) {
      const { posting, resumeText, ...rest } = a;
      await sim("/_sim/applications", { body: { postingId: postings[posting]!.id, ...rest, resumeText: resumeText ?? "" } });
    }
    const origin = new URL(page.url()).origin;
    const headers = { origin, "content-type": "application/json" };
    const imported = await page.request.post("/api/jobs/import", { headers, data: { postingIds: postings.map((p) => p.id) } });
    expect(imported.status(), await imported.text()).toBe(200);
    const body = (await imported.json()) as { imported: Array<{ postingId: string; jobId: string; title: string }> };
    const jobs = postings.map((p) => body.imported.find((i) => i.postingId === p.id)!);
    for (const job of jobs) {
      const started = await page.request.post(`/api/jobs/${job.jobId}/imports`, { headers, data: {} });
      const run = started.status() === 202 ? ((await started.json()) as { id: string }) : null;
      await expect(async () => {
        const latest = (await (await page.request.get(`/api/jobs/${job.jobId}/imports`)).json()) as { run: { id: string; status: string } | null };
        if (run) expect(latest.run?.id).toBe(run.id);
        expect(latest.run?.status).toBe("SUCCEEDED");
      }).toPass({ timeout: 150_000, intervals: [1000, 2000] });
    }
    return jobs;
  } finally {
    await resume();
  }
}

/** Waits until the worker has screened every candidate of a seeded job (the ranking moves until then). */
export async function waitUntilAllScreened(page: Page, jobId: string): Promise<void> {
  await expect(async () => {
    await page.goto(`/jobs/${jobId}`);
    await expect(page.getByTestId("screen-status")).toHaveText(/^All \d+ candidates screened$/, { timeout: 1000 });
  }).toPass({ timeout: 120_000, intervals: [1000, 2000] });
}

/** Switches on the webhook for `event` the app registered last on the simulator's `account`. */
export async function enableLatestWebhook(account: string, event: string): Promise<void> {
  const state = await sim<SimState>("/_sim/state");
  const accountId = state.accounts.find((a) => a.name === account)!.id;
  const hook = state.webhooks.filter((w) => w.accountId === accountId && w.event === event).sort((a, b) => b.createdAt - a.createdAt)[0]!;
  await sim(`/_sim/webhooks/${hook.id}/enable`, { method: "POST" });
}
