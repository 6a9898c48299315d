import type { Metadata } from "next";
import { ActivityPanel } from "@/components/ats/activity-panel";
import { AtsList } from "@/components/ats/ats-list";
import { LeverCard } from "@/components/ats/lever-card";
import { ReferencePanel } from "@/components/ats/reference-panel";
import { isAdminRole, requireOrgContext } from "@/lib/auth/guard";
import { connectionActivity } from "@/lib/connections/activity";
import { connectionCardData } from "@/lib/connections/card";
import { ATS_CATALOG } from "@/lib/ats/catalog";
import { connectErrorMessage } from "@/lib/ats/connect-errors";
import { providers } from "@/lib/ats/registry";

export const metadata: Metadata = { title: "ATS" };

export default async function AtsPage({ searchParams }: { searchParams: Promise<{ ats?: string; connected?: string; error?: string; refresh?: string }> }) {
  const org = await requireOrgContext();
  const { ats = "lever", connected, error, refresh } = await searchParams;
  const isAdmin = isAdminRole(org.role);
  // The catalog lists more ATSs than are built; only a built one the catalog offers has a card.
  const offered = ATS_CATALOG.some((c) => c.id === ats && c.available);
  const provider = offered ? (providers().find((p) => p.name === ats) ?? null) : null;
  const card = provider ? await connectionCardData(org.organizationId) : null;
  // The log names candidates and jobs, confidential ones included, so it is for the admins who see every job.
  const activity = card?.connection && isAdmin ? await connectionActivity(org.organizationId, card.connection.id) : null;
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <AtsList selected={ats} />
      {card && provider ? (
        <div className="min-w-0 space-y-6">
          <LeverCard isAdmin={isAdmin} error={connectErrorMessage(error, provider)} openSettings={connected === "1"} {...card} />
          {card.connection ? <ReferencePanel organizationId={org.organizationId} isAdmin={isAdmin} refreshFailed={refresh === "failed"} /> : null}
          {activity ? <ActivityPanel entries={activity.entries} failed={activity.failed} canRetry={isAdmin} /> : null}
        </div>
      ) : null}
    </div>
  );
}
