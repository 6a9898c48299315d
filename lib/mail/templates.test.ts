import { describe, expect, it } from "vitest";
import { invitationMail, passwordResetMail } from "./templates";

describe("email templates", () => {
  it("escapes what people typed (an organization's name) in the HTML part and links the URL", () => {
    const mail = invitationMail({ organizationName: `<img src=x onerror="alert(1)"> & Co`, inviterEmail: "a@example.test", role: "ADMIN", url: "https://app.example.com/invite/tok_1", days: 7 });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co");
    expect(mail.html).toContain('<a href="https://app.example.com/invite/tok_1">https://app.example.com/invite/tok_1</a>');
    expect(mail.text).toContain(`<img src=x onerror="alert(1)"> & Co`);
    expect(mail.text).toContain("as admin");
  });

  it("the reset mail says how long the link works and that it works once", () => {
    const mail = passwordResetMail({ url: "https://app.example.com/reset-password/abc", minutes: 60 });
    expect(mail.subject).toBe("Reset your Screening password");
    expect(mail.text).toContain("https://app.example.com/reset-password/abc");
    expect(mail.text).toContain("works once, for 60 minutes");
  });
});
