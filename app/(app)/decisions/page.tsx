import type { Metadata } from "next";
import { NeedsDecision } from "@/components/automations/needs-decision";
import { suggestionRows } from "@/components/automations/sections";
import { Card, CardHeader } from "@/components/ui/card";
import { requireOrgContext } from "@/lib/auth/guard";
import { listPending, pendingCount } from "@/lib/automations";
import { findConnection } from "@/lib/connections/lookup";

export const metadata: Metadata = { title: "Needs decision" };

/** Every job's pending suggestions the member may see, oldest first. */
export default async function NeedsDecisionPage() {
  const org = await requireOrgContext();
  const [views, total, connection] = await Promise.all([listPending(org), pendingCount(org), findConnection(org.organizationId)]);
  const ats = connection?.providerLabel ?? "your ATS";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Needs decision</h1>
        <p className="mt-1 text-sm text-slate-600">
          What your automation rules suggest, across jobs. Nothing is written to {ats} until someone confirms; a rule an admin lets apply on its own can be cancelled until its time.
        </p>
      </div>
      <Card>
        <CardHeader title={total > views.length ? `Suggestions (${views.length} of ${total}, oldest first)` : `Suggestions (${total})`} />
        <NeedsDecision rows={suggestionRows(views)} showJob ats={ats} />
      </Card>
    </div>
  );
}
