import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { screenshots, signUp } from "./helpers";

const shoot = screenshots("digest");

/** A member turns the daily digest off in their profile, and it stays off. */
test("Email me a daily digest is on by default and is saved when turned off", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, `Digest ${Date.now()}`);
  await page.goto("/settings/profile");
  const toggle = page.getByRole("checkbox", { name: /Email me a daily digest/ });
  await expect(toggle).toBeChecked();
  await shoot(page, "profile-on");

  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Email me a daily digest/ })).not.toBeChecked();
  await shoot(page, "profile-off", page.getByRole("checkbox", { name: /Email me a daily digest/ }));

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect.soft(results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
