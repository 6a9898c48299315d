import { checkReadiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness for load balancers: 200 when the database answers, migrations are applied and the job
 * queue is set up; 503 (with Retry-After) otherwise. /api/health stays the liveness check.
 */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.ready ? "ready" : "not_ready", checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: readiness.ready ? undefined : { "retry-after": "5" } },
  );
}
