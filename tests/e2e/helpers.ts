import { expect, type Browser, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";
/** The password of every owner `signUp` creates. */
export const OWNER_PASSWORD = "a-long-password";
export const SIM_URL = `http://localhost:${process.env.E2E_SIM_PORT ?? 4110}`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/jobs/);
}

export async function signUp(page: Page, organization: string): Promise<string> {
  const email = `owner-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Test Owner");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(OWNER_PASSWORD);
  await page.getByLabel("Organization name").fill(organization);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/jobs/);
  return email;
}

/** On Lever's (the simulator's) consent screen: pick the signed-in Lever user and decide. */
export async function consent(page: Page, user: RegExp, decision: "Accept" | "Deny") {
  await expect(page.getByRole("heading", { name: /wants to access your Lever account/ })).toBeVisible();
  const option = page.locator("#user_id option").filter({ hasText: user }).first();
  await page.locator("#user_id").selectOption(await option.getAttribute("value") ?? "");
  await page.getByRole("button", { name: decision }).click();
}

/** An owner/admin connects Lever as the Acme Robotics Super Admin; leaves the page on Settings → ATS. */
export async function connectLever(page: Page, superAdmin = /Dana Whitfield/) {
  await page.goto("/settings/ats");
  await page.getByRole("button", { name: "Connect Lever" }).click();
  await consent(page, superAdmin, "Accept");
  await expect(page).toHaveURL(/\/settings\/ats/);
  await expect(page.getByTestId("lever-connection-status")).toHaveText("Connected");
}

/** Specs share the demo organization; one that needs to walk through connecting starts from "Not connected". */
export async function disconnectIfConnected(page: Page) {
  await page.goto("/settings/ats");
  const status = page.getByTestId("lever-connection-status");
  await expect(status).toBeVisible();
  if ((await status.innerText()) !== "Connected") return;
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(status).toHaveText("Not connected");
}

/**
 * A spec's own organization lets go of its Lever account when done (an account belongs to one
 * organization at a time), so the next spec can connect it: signs in as `owner` on a page of its own.
 */
export async function disconnectAs(browser: Browser, owner: string, password = OWNER_PASSWORD) {
  const page = await browser.newPage();
  await signIn(page, owner, password);
  await disconnectIfConnected(page);
  await page.close();
}

export async function sim<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(`${SIM_URL}${path}`, {
    method: init?.method ?? (init?.body ? "POST" : "GET"),
    headers: init?.body ? { "content-type": "application/json" } : undefined,
    body: init?.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`sim ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Desktop and 390px-wide screenshots under test-results/<prefix>-<name>-{desktop,mobile}.png, looked at by
 * hand; `focus` is scrolled into view for viewport-only shots, else the whole page is taken.
 */
export function screenshots(prefix: string) {
  return async (page: Page, name: string, focus?: Locator) => {
    const fullPage = !focus;
    await focus?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/${prefix}-${name}-desktop.png`, fullPage });
    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await focus?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/${prefix}-${name}-mobile.png`, fullPage });
    if (size) await page.setViewportSize(size);
  };
}

/**
 * Switches off the simulator's enabled webhooks (a spec that imports by hand does not want webhooks of
 * other specs importing its applicants first) and returns what turns them back on.
 */
export async function pauseWebhooks(): Promise<() => Promise<void>> {
  const state = await sim<{ webhooks: { id: string; enabled: boolean }[] }>("/_sim/state");
  const paused = state.webhooks.filter((w) => w.enabled).map((w) => w.id);
  for (const id of paused) await sim(`/_sim/webhooks/${id}/disable`, { method: "POST" });
  return async () => {
    for (const id of paused) await sim(`/_sim/webhooks/${id}/enable`, { method: "POST" });
  };
}
