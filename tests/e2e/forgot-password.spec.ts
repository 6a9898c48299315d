import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { screenshots, signUp } from "./helpers";

const shoot = screenshots("forgot-password");
const OLD_PASSWORD = "recruiter-first-password";
const NEW_PASSWORD = "recruiter-second-password";
const NEUTRAL = "If an account exists for that address, we have sent a link";

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect.soft(results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${what}`).toEqual([]);
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * With no SMTP server (the embedded default) the whole flow runs through the outbox: an owner invites
 * a recruiter (the invitation is in Sent email too), the recruiter forgets the password, the owner
 * reads the reset link in Settings → Sent email, and the recruiter sets a new password with it.
 */
test("forgot password works through the outbox, once per link", async ({ browser }) => {
  const owner = await freshPage(browser);
  await signUp(owner, `Outbox ${Date.now()}`);
  const recruiterEmail = `recruiter-${Date.now()}@example.test`;

  // The invitation: Copy link stays, and Sent email keeps the same link.
  await owner.goto("/settings/team");
  await owner.getByLabel("Email").fill(recruiterEmail);
  await owner.getByRole("button", { name: "Invite" }).click();
  await expect(owner.getByText(/No mail server is set up, so it is not emailed/)).toBeVisible();
  const inviteLink = (await owner.locator("code").filter({ hasText: "/invite/" }).innerText()).trim();
  await owner.getByRole("link", { name: "Sent email" }).click();
  await expect(owner).toHaveURL(/\/settings\/email$/);
  await expect(owner.getByText("No SMTP server is configured")).toBeVisible();
  const invitation = owner.getByTestId("outbox-message").filter({ hasText: `To ${recruiterEmail}` });
  await expect(invitation).toContainText("invited you to");
  await expect(invitation).toContainText("Kept (no SMTP configured)");
  await invitation.click();
  await expect(owner.getByRole("link", { name: inviteLink })).toBeVisible();

  // The recruiter joins through the link.
  const recruiter = await freshPage(browser);
  await recruiter.goto(inviteLink);
  await recruiter.getByRole("link", { name: "Create account" }).click();
  await recruiter.getByLabel("Your name").fill("Riley Recruiter");
  await recruiter.getByLabel("Password").fill(OLD_PASSWORD);
  await recruiter.getByRole("button", { name: "Join" }).click();
  await expect(recruiter).toHaveURL(/\/jobs/);
  await recruiter.context().clearCookies();

  // Forgot password: the same answer for the account and for an address without one.
  await recruiter.goto("/login");
  await shoot(recruiter, "sign-in");
  await recruiter.getByRole("link", { name: "Forgot password?" }).click();
  await expect(recruiter).toHaveURL(/\/forgot-password$/);
  await recruiter.getByLabel("Work email").fill("no-such-account@example.test");
  await recruiter.getByRole("button", { name: "Send reset link" }).click();
  await expect(recruiter.getByRole("status").filter({ hasText: NEUTRAL })).toBeVisible();
  await recruiter.getByLabel("Work email").fill(recruiterEmail);
  await recruiter.getByRole("button", { name: "Send reset link" }).click();
  await expect(recruiter.getByRole("status").filter({ hasText: NEUTRAL })).toBeVisible();
  await shoot(recruiter, "requested");
  await expectNoAxeViolations(recruiter, "forgot password");

  // The owner reads the link in Sent email; nothing was written for the address without an account.
  await owner.goto("/settings/email");
  await expect(owner.getByTestId("outbox-message").filter({ hasText: "no-such-account@example.test" })).toHaveCount(0);
  await shoot(owner, "outbox");
  await expectNoAxeViolations(owner, "Settings → Sent email");
  await owner.getByTestId("outbox-message").filter({ hasText: `To ${recruiterEmail}` }).filter({ hasText: "Reset your Screening password" }).click();
  const resetLink = owner.getByRole("link", { name: /\/reset-password\// });
  await expect(resetLink).toBeVisible();
  await shoot(owner, "message");
  await expectNoAxeViolations(owner, "a kept message");
  const url = (await resetLink.getAttribute("href"))!;

  // The recruiter sets a new password; the rules are sign-up's.
  await recruiter.goto(url);
  await expect(recruiter.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await recruiter.getByLabel("New password").fill("short");
  await recruiter.getByRole("button", { name: "Set new password" }).click();
  await expect(recruiter.getByText("Use at least 10 characters for your password", { exact: true })).toBeVisible();
  await shoot(recruiter, "reset-refused");
  await expectNoAxeViolations(recruiter, "reset password");
  await recruiter.getByLabel("New password").fill(NEW_PASSWORD);
  await recruiter.getByRole("button", { name: "Set new password" }).click();
  await expect(recruiter).toHaveURL(/\/login\?reset=done/);
  await expect(recruiter.getByText("Your password was changed")).toBeVisible();
  await shoot(recruiter, "changed");

  // The old password no longer works; the new one does.
  await signInWith(recruiter, recruiterEmail, OLD_PASSWORD);
  await expect(recruiter.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await signInWith(recruiter, recruiterEmail, NEW_PASSWORD);
  await expect(recruiter).toHaveURL(/\/jobs/);

  // The link was good once.
  await recruiter.goto(url);
  await expect(recruiter.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await shoot(recruiter, "used-link");
  await expectNoAxeViolations(recruiter, "a used link");
  await recruiter.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(recruiter).toHaveURL(/\/forgot-password$/);

  await recruiter.goto("/reset-password/made-up-token-that-is-long-enough");
  await expect(recruiter.getByRole("heading", { name: "This link does not work" })).toBeVisible();
});
