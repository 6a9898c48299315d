import { metrics } from "@/lib/metrics";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint (see lib/metrics.ts). 503 while the database does not answer. */
export async function GET() {
  const { registry } = metrics();
  try {
    return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
  } catch (error) {
    log.warn("metrics could not be collected", { error });
    return new Response("metrics unavailable: the database did not answer\n", { status: 503, headers: { "retry-after": "5" } });
  }
}
