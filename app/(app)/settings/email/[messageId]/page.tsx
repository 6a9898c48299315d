import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OutboxStatusBadge, OutboxText } from "@/components/settings/outbox-status";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { isAdminRole } from "@/lib/auth/guard";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { readOutboxMessage } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Email", referrer: "no-referrer" };

export default async function EmailMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  const org = await pageOrgContext();
  if (!isAdminRole(org.role)) return <Alert tone="info">Sent email is read by the organization&apos;s owners and admins.</Alert>;
  const { messageId } = await params;
  const message = await readOutboxMessage(await db(), org, messageId);
  if (!message) notFound();
  return (
    <div className="space-y-4">
      <Link href="/settings/email" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← All sent email
      </Link>
      <Card>
        <CardHeader title={message.subject} description={`To ${message.to}`} actions={<OutboxStatusBadge status={message.status} attempts={message.attempts} />} />
        <CardBody className="space-y-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Written</dt>
            <dd>
              <TimeAgo date={message.createdAt} />
            </dd>
            {message.sentAt ? (
              <>
                <dt className="text-slate-500">Sent</dt>
                <dd>
                  <TimeAgo date={message.sentAt} />
                </dd>
              </>
            ) : null}
          </dl>
          {message.error ? <Alert tone={message.status === "FAILED" ? "error" : "warning"} title="The SMTP server refused it">{message.error}</Alert> : null}
          <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">
            <OutboxText text={message.text} />
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
