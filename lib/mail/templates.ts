import { encode } from "html-entities";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** The plain text as HTML: every value escaped, links made clickable, paragraphs kept. */
function textToHtml(text: string): string {
  const paragraphs = text.split("\n\n").map((p) =>
    encode(p)
      .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
      .replace(/\n/g, "<br>"),
  );
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">${paragraphs.map((p) => `<p>${p}</p>`).join("")}</body></html>`;
}

function content(subject: string, text: string): MailContent {
  return { subject, text, html: textToHtml(text) };
}

export function invitationMail(input: { organizationName: string; inviterEmail: string; role: string; url: string; days: number }): MailContent {
  return content(
    `${input.inviterEmail} invited you to ${input.organizationName} on Screening`,
    [
      `${input.inviterEmail} invited you to join ${input.organizationName} as ${input.role.toLowerCase()}.`,
      `Accept the invitation:\n${input.url}`,
      `The link works for ${input.days} days. If you were not expecting it, you can ignore this email.`,
    ].join("\n\n"),
  );
}

export function passwordResetMail(input: { url: string; minutes: number }): MailContent {
  return content(
    "Reset your Screening password",
    [
      "Someone, hopefully you, asked to reset the password of your Screening account.",
      `Choose a new password:\n${input.url}`,
      `The link works once, for ${input.minutes} minutes. If you did not ask, ignore this email: your password stays as it is.`,
    ].join("\n\n"),
  );
}

export function digestMail(input: { organizationName: string; total: number; items: Array<{ title: string; url: string | null }>; moreUrl: string; settingsUrl: string }): MailContent {
  const more = input.total - input.items.length;
  return content(
    `${input.total} ${input.total === 1 ? "update" : "updates"} in ${input.organizationName}`,
    [
      `Unread in ${input.organizationName} since your last digest:`,
      ...input.items.map((item) => (item.url ? `${item.title}\n${item.url}` : item.title)),
      ...(more > 0 ? [`And ${more} more:\n${input.moreUrl}`] : []),
      `You get this email at most once a day, when you have unread notifications. To stop it, turn off "Email me a daily digest" in your profile:\n${input.settingsUrl}`,
    ].join("\n\n"),
  );
}
