import { Badge } from "@/components/ui/alert";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";

const LABEL: Record<OutboxStatus, { text: string; tone: "slate" | "green" | "amber" | "red" }> = {
  QUEUED: { text: "Sending", tone: "amber" },
  SENT: { text: "Sent", tone: "green" },
  FAILED: { text: "Failed", tone: "red" },
  KEPT: { text: "Kept (no SMTP configured)", tone: "slate" },
};

export function OutboxStatusBadge({ status, attempts }: { status: OutboxStatus; attempts: number }) {
  const label = LABEL[status];
  return <Badge tone={label.tone}>{status === "QUEUED" && attempts > 0 ? `Retrying (${attempts} failed)` : label.text}</Badge>;
}

/** The message's plain text with its links clickable: the way to an invitation or reset link without SMTP. */
export function OutboxText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <div className="whitespace-pre-wrap break-words text-sm leading-6 text-slate-800">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="font-medium text-brand-700 underline underline-offset-2 break-all">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </div>
  );
}
