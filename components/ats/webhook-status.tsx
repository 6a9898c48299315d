"use client";

import { useEffect, useState } from "react";
import type { ConnectionStatus } from "@/lib/connections/status";

/** Polls the connection's status so "waiting for the ATS" turns into "receiving" without a reload. */
export function useConnectionStatus(provider: string, initial: ConnectionStatus, intervalMs = 3000): ConnectionStatus {
  const [status, setStatus] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const res = await fetch(`/api/integrations/${encodeURIComponent(provider)}/status`, { cache: "no-store" });
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
  }, [provider, intervalMs]);
  return status;
}

export type WebhookTone = "none" | "waiting" | "ping" | "receiving";

/**
 * Where the webhooks stand, in the ATS's name. With webhooks made by hand (Greenhouse) there is a step
 * between nothing and events: the ATS's ping on save proves the URL and secret were entered right.
 */
export function describeWebhook(status: ConnectionStatus, label: string): { tone: WebhookTone; text: string } {
  const at = (iso: string) => new Date(iso).toLocaleString();
  if (!status.webhooksRegistered) return { tone: "none", text: "Not set up yet: apply the integration settings first." };
  if (status.webhookRegistration === "manual") {
    if (status.lastEventAt) return { tone: "receiving", text: `Receiving, last event at ${at(status.lastEventAt)}` };
    if (status.lastTestAt) return { tone: "ping", text: `Ping received at ${at(status.lastTestAt)}: ${label} reaches the app. Waiting for the first application.` };
    return { tone: "waiting", text: `Waiting for ${label}'s ping: create the web hooks in ${label}.` };
  }
  if (status.lastEventAt) return { tone: "receiving", text: `Receiving, last event at ${at(status.lastEventAt)}` };
  // Lever's "Verify connection" sends a test delivery: the webhook is on and reaches the app.
  if (status.lastTestAt) return { tone: "ping", text: `Test delivery received — switched on in ${label}, waiting for the first application (tested ${at(status.lastTestAt)}).` };
  return { tone: "waiting", text: `Waiting for ${label}: switch the webhook on there, then press Verify connection.` };
}

export const TONE_DOT: Record<WebhookTone, string> = {
  none: "bg-slate-300",
  waiting: "bg-amber-400 animate-pulse",
  ping: "bg-sky-500",
  receiving: "bg-emerald-500",
};

export const TONE_BOX: Record<WebhookTone, string> = {
  none: "bg-slate-50 text-slate-700",
  waiting: "bg-amber-50 text-amber-900",
  ping: "bg-sky-50 text-sky-900",
  receiving: "bg-emerald-50 text-emerald-800",
};

export function WebhookStatusLine({ provider, label, initial }: { provider: string; label: string; initial: ConnectionStatus }) {
  const d = describeWebhook(useConnectionStatus(provider, initial), label);
  return (
    <span className="inline-flex items-start gap-2 text-sm font-medium text-slate-900" data-testid="webhook-status">
      <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${TONE_DOT[d.tone]}`} />
      {d.text}
    </span>
  );
}
