import type { NextRequest } from "next/server";
import { receiveWebhook } from "@/lib/ats/intake";
import { providerNamed } from "@/lib/ats/registry";
import { config } from "@/lib/config";
import { toAppError } from "@/lib/errors";
import { readBodyWithLimit } from "@/lib/http/body";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

type Params = { provider: string; connectionId: string };

/**
 * The ATS posts here (Lever's webhooks registered before the provider boundary use this same path).
 * The organization is the connection's; nothing in the body chooses it. 2xx only after the delivery
 * is recorded and its job enqueued.
 */
export async function POST(req: NextRequest, ctx: { params: Promise<Params> }) {
  const started = performance.now();
  const response = await receive(req, await ctx.params);
  const status = String(response.status);
  metrics().webhookDeliveries.inc({ status });
  metrics().webhookIntakeSeconds.observe({ status }, (performance.now() - started) / 1000);
  return response;
}

async function receive(req: NextRequest, { provider: name, connectionId }: Params): Promise<Response> {
  let provider;
  try {
    provider = providerNamed(name);
  } catch (error) {
    const appError = toAppError(error);
    return Response.json({ ok: false, message: "Unknown webhook endpoint" }, { status: appError?.status ?? 404 });
  }
  const raw = await readBodyWithLimit(req, config().webhooks.maxBodyBytes);
  if (raw === null) return Response.json({ ok: false, message: "Body too large" }, { status: 413 });
  try {
    const result = await receiveWebhook(provider, connectionId, { rawBody: raw, headers: req.headers });
    if (result.status >= 400) log.warn("webhook refused", { provider: provider.name, connectionId, status: result.status, reason: result.body.message });
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    log.error("webhook intake failed", { provider: provider.name, connectionId, error });
    // 5xx makes the ATS retry later, which is what we want when the database is unavailable.
    return Response.json({ ok: false, message: "Temporarily unavailable" }, { status: 503 });
  }
}
