import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("sign up creates an organization and lands in the app; Settings → ATS lists Lever", async ({ page }) => {
  const email = `owner-${Date.now()}@example.test`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Olive Owner");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByLabel("Organization name").fill("Olive Hiring");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/jobs/);
  await expect(page.getByRole("heading", { name: "Jobs", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: "ATS" }).click();
  // The list names each ATS with its state ("Lever Connected", "Lever Not connected").
  await expect(page.getByRole("link", { name: /^Lever( |$)/ }).first()).toBeVisible();
  await expect(page.getByTestId("lever-connection-status")).toHaveText("Not connected");
});

test("pages run under a nonce-based Content-Security-Policy with the other security headers; sign-in still works", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/login");
  const headers = response!.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // Next put the nonce on every one of its scripts (the browser hides the attribute; the property keeps it).
  const scriptNonces = await page.evaluate(() => Array.from(document.scripts, (s) => s.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  await signIn(page, "admin@demo.test");
  await page.goto("/settings/ats");
  await expect(page.getByTestId("lever-connection-status")).toBeVisible();
  expect(violations).toEqual([]);
});

test("signing out ends the session: a copy of the cookie saved before no longer signs anyone in", async ({ page, context }) => {
  await signIn(page, "recruiter@demo.test");
  const saved = await context.cookies();
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.addCookies(saved);
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/login/);
});

test("sign-up with bad input shows what is wrong and creates nothing", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("X");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Organization name").fill("Y");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /email/i })).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test("wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Work email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
});

test("the demo admin signs in and manages the team", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/settings/team");
  await expect(page.getByText("recruiter@demo.test", { exact: true })).toBeVisible();
  await page.getByLabel("Email").fill("new.recruiter@demo.test");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText(/Invitation ready for new.recruiter@demo.test/)).toBeVisible();
});

test("a recruiter sees the ATS tab but cannot change the integration", async ({ page }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/settings/ats");
  await expect(page.getByRole("link", { name: /^Lever( |$)/ }).first()).toBeVisible();
  // Whether or not an admin has connected Lever yet, a recruiter is told why they cannot act.
  await expect(page.getByText(/Only organization owners and admins can (connect Lever|change the integration)/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Connect Lever" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Disconnect" })).toHaveCount(0);
  await page.goto("/settings/team");
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
});
