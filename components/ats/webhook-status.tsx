"use client";

import { useEffect, useState } from "react";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ConnectionStatus } from "@/lib/connections/status";

/** Polls the connection's status so "waiting for Lever" turns into "receiving" without a reload. */
export function useLeverStatus(initial: ConnectionStatus, intervalMs = 3000): ConnectionStatus {
  const [status, setStatus] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch("/api/integrations/lever/status", { cache: "no-store" });
        if (res.ok && !stopped) setStatus(await res.json());
      } catch {
        // keep the last known status; the next tick tries again
      }
    };
    const id = setInterval(tick, intervalMs);
    return () => {
      stopped = true;
      clearInterval(id);
    };
  }, [intervalMs]);
  return status;
}

type WebhookTone = "none" | "waiting" | "verified" | "receiving";

/** The webhook as it is: registered or not, a test delivery seen, real deliveries arriving. */
export function describeWebhook(status: ConnectionStatus): { tone: WebhookTone; text: string; at: string | null } {
  if (!status.webhooksRegistered) return { tone: "none", text: "Not registered yet: apply the integration settings first.", at: null };
  if (status.lastWebhookAt) return { tone: "receiving", text: "Receiving applications", at: status.lastWebhookAt };
  if (status.testDeliveryAt) return { tone: "verified", text: "Test delivery received — switched on in Lever, waiting for the first application", at: status.testDeliveryAt };
  return { tone: "waiting", text: "Waiting for Lever: switch the webhook on there, then press Verify connection.", at: null };
}

export const WEBHOOK_DOT: Readonly<Record<WebhookTone, string>> = {
  none: "bg-slate-300",
  waiting: "bg-amber-400 animate-pulse",
  verified: "bg-brand-500",
  receiving: "bg-emerald-500",
};

export function WebhookText({ status }: { status: ConnectionStatus }) {
  const d = describeWebhook(status);
  return (
    <>
      {d.text}
      {d.at ? (
        <span className="font-normal opacity-80">
          {" "}
          · {d.tone === "receiving" ? "last event" : "received"} <TimeAgo date={d.at} />
        </span>
      ) : null}
    </>
  );
}

export function WebhookStatusLine({ initial }: { initial: ConnectionStatus }) {
  const status = useLeverStatus(initial);
  return (
    <span className="inline-flex items-center gap-2 text-sm font-medium text-slate-900" data-testid="webhook-status">
      <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${WEBHOOK_DOT[describeWebhook(status).tone]}`} />
      <span>
        <WebhookText status={status} />
      </span>
    </span>
  );
}
