"use client";

import { useEffect, useState } from "react";
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

export function describeWebhook(status: ConnectionStatus): { tone: "waiting" | "receiving" | "none"; text: string } {
  if (!status.webhooksRegistered) return { tone: "none", text: "Not registered yet: apply the integration settings first." };
  if (!status.lastWebhookAt) return { tone: "waiting", text: "Waiting for Lever: switch the webhook on in Lever." };
  const at = new Date(status.lastWebhookAt).toLocaleString();
  return { tone: "receiving", text: `Receiving, last event at ${at}` };
}

export function WebhookStatusLine({ initial }: { initial: ConnectionStatus }) {
  const status = useLeverStatus(initial);
  const d = describeWebhook(status);
  const dot = { waiting: "bg-amber-400 animate-pulse", receiving: "bg-emerald-500", none: "bg-slate-300" }[d.tone];
  return (
    <span className="inline-flex items-center gap-2 text-sm font-medium text-slate-900" data-testid="webhook-status">
      <span aria-hidden className={`h-2 w-2 rounded-full ${dot}`} />
      {d.text}
    </span>
  );
}
