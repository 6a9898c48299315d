import type { Metadata } from "next";
import { ActivityPanel } from "@/components/ats/activity-panel";
import { AtsList } from "@/components/ats/ats-list";
import { LeverCard } from "@/components/ats/lever-card";
import { ReferencePanel } from "@/components/ats/reference-panel";
import { isAdminRole, requireOrgContext } from "@/lib/auth/guard";
import { connectionActivity } from "@/lib/ats/providers/lever/activity";
import { leverCardData } from "@/lib/ats/providers/lever/card";
import { connectErrorMessage } from "@/lib/ats/providers/lever/connect-errors";

export const metadata: Metadata = { title: "ATS" };

export default async function AtsPage({ searchParams }: { searchParams: Promise<{ ats?: string; connected?: string; error?: string; refresh?: string }> }) {
  const org = await requireOrgContext();
  const { ats = "lever", connected, error, refresh } = await searchParams;
  const isAdmin = isAdminRole(org.role);
  const card = ats === "lever" ? await leverCardData(org.organizationId) : null;
  // The log names candidates and jobs, confidential ones included, so it is for the admins who see every job.
  const activity = card?.connection && isAdmin ? await connectionActivity(org.organizationId, card.connection.id) : null;
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <AtsList selected={ats} />
      {card ? (
        <div className="min-w-0 space-y-6">
          <LeverCard isAdmin={isAdmin} error={connectErrorMessage(error)} openSettings={connected === "1"} {...card} />
          {card.connection ? <ReferencePanel organizationId={org.organizationId} isAdmin={isAdmin} refreshFailed={refresh === "failed"} /> : null}
          {activity ? <ActivityPanel entries={activity.entries} failed={activity.failed} canRetry={isAdmin} /> : null}
        </div>
      ) : null}
    </div>
  );
}
