import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./index";

// Explicit secrets keep parseConfig from touching .data/.
const base: NodeJS.ProcessEnv = { NODE_ENV: "test", AUTH_SECRET: "x".repeat(32), ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}` };

describe("mail configuration", () => {
  it("without SMTP_URL mail is kept in the outbox, from no-reply at the app's host", () => {
    expect(parseConfig({ ...base, APP_URL: "https://screening.example.com" }).mail).toEqual({ smtpUrl: null, from: "Screening <no-reply@screening.example.com>", digestHourUtc: 7 });
  });

  it("an smtp:// or smtps:// URL and MAIL_FROM are taken as given", () => {
    expect(parseConfig({ ...base, SMTP_URL: "smtps://mailer:pw@smtp.example.com:465", MAIL_FROM: "Hiring <hiring@example.com>" }).mail).toEqual({
      smtpUrl: "smtps://mailer:pw@smtp.example.com:465",
      from: "Hiring <hiring@example.com>",
      digestHourUtc: 7,
    });
  });

  it("anything else in SMTP_URL stops start-up with a message naming it, without echoing the value", () => {
    const attempt = () => parseConfig({ ...base, SMTP_URL: "mailer:secret-pw@smtp.example.com" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/SMTP_URL: expected smtp:\/\/user:password@host:port/);
    expect(attempt).not.toThrow(/secret-pw/);
  });

  it("DIGEST_HOUR_UTC picks the daily digest's hour; anything but a whole hour 0-23 stops start-up naming it", () => {
    expect(parseConfig({ ...base, DIGEST_HOUR_UTC: "18" }).mail.digestHourUtc).toBe(18);
    expect(() => parseConfig({ ...base, DIGEST_HOUR_UTC: "24" })).toThrow(/DIGEST_HOUR_UTC/);
    expect(() => parseConfig({ ...base, DIGEST_HOUR_UTC: "7am" })).toThrow(/DIGEST_HOUR_UTC/);
  });
});
