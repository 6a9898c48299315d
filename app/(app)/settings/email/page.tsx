import type { Metadata } from "next";
import Link from "next/link";
import { OutboxStatusBadge } from "@/components/settings/outbox-status";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { isAdminRole } from "@/lib/auth/guard";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { listOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Sent email" };

function SmtpNotice() {
  return config().mail.smtpUrl ? null : (
    <Alert tone="info" title="No SMTP server is configured">
      Email is kept here instead of being sent. Open a message to follow or copy its link, and pass it on yourself. Set SMTP_URL to send email.
    </Alert>
  );
}

export default async function SentEmailPage() {
  const org = await pageOrgContext();
  if (!isAdminRole(org.role)) return <Alert tone="info">Sent email is read by the organization&apos;s owners and admins.</Alert>;
  const messages = await listOutbox(await db(), org);
  return (
    <div className="space-y-6">
      <SmtpNotice />
      <Card>
        <CardHeader
          title="Sent email"
          description={
            config().mail.smtpUrl
              ? `Invitations to ${org.organizationName}, the latest 100.`
              : `Invitations to ${org.organizationName}, and the password-reset links its members asked for (those of owners only to owners), the latest 100.`
          }
        />
        {messages.length === 0 ? (
          <p className="px-5 py-8 text-center text-sm text-slate-500">No email yet. Invitations and password-reset links will show here.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {messages.map((m) => (
              <li key={m.id}>
                <Link href={`/settings/email/${m.id}`} className="flex flex-col gap-1 px-5 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4" data-testid="outbox-message">
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-slate-900">{m.subject}</span>
                    <span className="block truncate text-sm text-slate-500">To {m.to}</span>
                  </span>
                  <span className="flex shrink-0 items-center gap-3 text-sm text-slate-500">
                    <OutboxStatusBadge status={m.status} attempts={m.attempts} />
                    <TimeAgo date={m.createdAt} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
