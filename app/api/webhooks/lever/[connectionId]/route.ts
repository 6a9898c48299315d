import type { NextRequest } from "next/server";
import { config } from "@/lib/config";
import { receiveLeverWebhook } from "@/lib/ats/providers/lever/webhooks";
import { log } from "@/lib/log";
import { readBodyWithLimit } from "@/lib/http/body";
import { metrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

/**
 * Lever posts here. The organization is the connection's; nothing in the body chooses it.
 * 2xx only after the delivery is recorded and its job enqueued.
 */
export async function POST(req: NextRequest, ctx: { params: Promise<{ connectionId: string }> }) {
  const started = performance.now();
  const response = await receive(req, ctx);
  const status = String(response.status);
  metrics().webhookDeliveries.inc({ status });
  metrics().webhookIntakeSeconds.observe({ status }, (performance.now() - started) / 1000);
  return response;
}

async function receive(req: NextRequest, { params }: { params: Promise<{ connectionId: string }> }): Promise<Response> {
  const { connectionId } = await params;
  const raw = await readBodyWithLimit(req, config().webhooks.maxBodyBytes);
  if (raw === null) return Response.json({ ok: false, message: "Body too large" }, { status: 413 });
  try {
    const result = await receiveLeverWebhook(connectionId, raw);
    if (result.status >= 400) log.warn("webhook refused", { connectionId, status: result.status, reason: result.body.message });
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    log.error("webhook intake failed", { connectionId, error });
    // 5xx makes Lever retry later, which is what we want when the database is unavailable.
    return Response.json({ ok: false, message: "Temporarily unavailable" }, { status: 503 });
  }
}
