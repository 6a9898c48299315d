import { expect, test } from "@playwright/test";
import { connectLever, consent, disconnectIfConnected, signIn, signUp, sim } from "./helpers";

interface SimState {
  webhooks: { id: string; url: string; event: string; enabled: boolean }[];
  accounts: { id: string; name: string; postings: { id: string; text: string; state: string }[] }[];
}

test.describe.serial("connecting Lever", () => {
  test("a declined consent returns to Settings → ATS with a friendly message", async ({ page }) => {
    await signUp(page, "Declining Co");
    await page.goto("/settings/ats");
    await page.getByRole("button", { name: "Connect Lever" }).click();
    await consent(page, /Dana Whitfield/, "Deny");
    await expect(page).toHaveURL(/\/settings\/ats/);
    await expect(page.getByRole("alert").filter({ hasText: "Lever did not grant access" })).toBeVisible();
    await expect(page.getByTestId("lever-connection-status")).toHaveText("Not connected");
  });

  test("a Lever user who is not a Super Admin gets Lever's refusal", async ({ page }) => {
    await signUp(page, "Not Super Co");
    await page.goto("/settings/ats");
    await page.getByRole("button", { name: "Connect Lever" }).click();
    await consent(page, /Marcus Oyelaran/, "Accept");
    await expect(page.getByRole("alert").filter({ hasText: /Super Admin/ })).toBeVisible();
    await expect(page.getByTestId("lever-connection-status")).toHaveText("Not connected");
  });

  test("admin connects, the settings window opens by itself, Apply Changes leads to the webhook step, and Lever's deliveries import candidates", async ({ page }) => {
    await signIn(page, "admin@demo.test");
    await disconnectIfConnected(page);
    await connectLever(page);
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Lever integration settings" })).toBeVisible();
    await dialog.getByRole("switch", { name: "Auto-generate jobs" }).click();
    await expect(dialog.getByRole("switch", { name: "Auto-generate jobs" })).toHaveAttribute("aria-checked", "true");
    await dialog.getByRole("button", { name: "Apply Changes" }).click();
    await expect(dialog.getByRole("heading", { name: "One more step in Lever" })).toBeVisible();
    // The state as it is from the first frame: registered, waiting for Lever (never "Not registered yet").
    expect(await dialog.getByTestId("dialog-webhook-status").innerText()).toMatch(/^Waiting for Lever: .*Verify connection/);
    await expect(dialog.getByText("Applications Created")).toBeVisible();
    const url = await dialog.getByTestId("webhook-url").innerText();
    expect(url).toMatch(/\/api\/webhooks\/lever\/[a-z0-9]+$/);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const copy = dialog.getByRole("button", { name: "Copy the webhook URL" });
    await copy.click();
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await page.screenshot({ path: "test-results/lever-webhook-dialog.png" });

    // A Lever Super Admin switches the webhook on and presses Verify connection; then someone applies.
    const state = await sim<SimState>("/_sim/state");
    const hook = state.webhooks.find((w) => w.url === url && w.event === "applicationCreated");
    expect(hook?.enabled).toBe(false);
    await sim(`/_sim/webhooks/${hook!.id}/enable`, { method: "POST" });
    await sim(`/_sim/webhooks/${hook!.id}/test`, { method: "POST" });
    await expect(dialog.getByTestId("dialog-webhook-status")).toContainText("Test delivery received — switched on in Lever, waiting for the first application", { timeout: 20_000 });
    await expect(dialog.getByRole("button", { name: "Done" })).toBeVisible();
    await page.screenshot({ path: "test-results/lever-webhook-dialog-verified.png" });
    const posting = state.accounts.find((a) => a.name === "Acme Robotics")!.postings.find((p) => p.state === "published")!;
    const postingId = posting.id;
    const application = await sim<{ opportunityId: string; deliveries: { delivered: boolean }[] }>("/_sim/applications", {
      body: { postingId, name: "Grace Hopper", email: "grace@example.test", resumeText: "Grace Hopper\nRear Admiral, compiler pioneer. COBOL, FLOW-MATIC." },
    });
    expect(application.deliveries[0]?.delivered).toBe(true);
    await expect(dialog.getByTestId("dialog-webhook-status")).toContainText("Receiving", { timeout: 20_000 });
    await dialog.getByRole("button", { name: "Done" }).click();

    // Auto-generate was switched on, so the job was created with its first candidate.
    await expect(async () => {
      await page.goto("/jobs");
      const row = page.getByRole("row").filter({ hasText: posting.text }).filter({ hasText: /(^|\D)1 candidate(?!s)/ });
      await expect(row).toHaveCount(1, { timeout: 2000 });
    }).toPass({ timeout: 30_000 });
  });

  test("a recruiter sees the connection but cannot change it", async ({ page }) => {
    await signIn(page, "recruiter@demo.test");
    await page.goto("/settings/ats");
    await expect(page.getByTestId("lever-connection-status")).toHaveText("Connected");
    await expect(page.getByRole("button", { name: "Disconnect" })).toHaveCount(0);
    await page.getByRole("button", { name: "Integration settings" }).click();
    await expect(page.getByRole("button", { name: "Apply Changes" })).toHaveCount(0);
  });

  test("the same Lever account cannot be connected to a second organization", async ({ page }) => {
    await signUp(page, "Second Org");
    await page.goto("/settings/ats");
    await page.getByRole("button", { name: "Connect Lever" }).click();
    await consent(page, /Dana Whitfield/, "Accept");
    await expect(page.getByRole("alert").filter({ hasText: "already connected to another organization" })).toBeVisible();
  });

  test("admin disconnects (webhooks removed from Lever) and reconnects", async ({ page }) => {
    await signIn(page, "admin@demo.test");
    await page.goto("/settings/ats");
    await page.getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByRole("dialog")).toContainText("Authorized Apps");
    await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByTestId("lever-connection-status")).toHaveText("Not connected");
    const state = await sim<SimState>("/_sim/state");
    expect(state.webhooks.filter((w) => w.url.includes("/api/webhooks/lever/"))).toHaveLength(0);
    await connectLever(page);
    await expect(page.getByRole("dialog").getByRole("heading", { name: "Lever integration settings" })).toBeVisible();
  });
});
