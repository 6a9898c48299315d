import type { Metadata } from "next";
import { ActivityPanel } from "@/components/ats/activity-panel";
import { AtsCard } from "@/components/ats/ats-card";
import { AtsList } from "@/components/ats/ats-list";
import { ReferencePanel } from "@/components/ats/reference-panel";
import { isAdminRole, requireOrgContext } from "@/lib/auth/guard";
import { connectionActivity } from "@/lib/connections/activity";
import { connectionCardData } from "@/lib/connections/card";
import { ATS_CATALOG, ATS_CONSENT } from "@/lib/ats/catalog";
import { connectErrorMessage } from "@/lib/ats/connect-errors";
import type { AtsProvider } from "@/lib/ats/provider";
import { providers } from "@/lib/ats/registry";

export const metadata: Metadata = { title: "ATS" };

/** The provider as the client components need it: words and capabilities, nothing that runs. */
function atsView(p: AtsProvider) {
  const [first, ...others] = p.webhookEvents.map((e) => p.adminUi.eventLabels[e] ?? e);
  return {
    name: p.name,
    label: p.label,
    adminRole: p.adminRole,
    actsAsUser: p.capabilities.actsAsUser,
    webhookRegistration: p.capabilities.webhookRegistration,
    webhooksPlace: p.adminUi.webhooks,
    authorizedAppsPlace: p.adminUi.authorizedApps,
    firstEventLabel: first ?? "",
    otherEventLabels: others,
    permissions: ATS_CONSENT[p.name]?.permissions ?? [],
    signIn: ATS_CONSENT[p.name]?.signIn ?? "",
  };
}

export default async function AtsPage({ searchParams }: { searchParams: Promise<{ ats?: string; connected?: string; disconnected?: string; error?: string; refresh?: string }> }) {
  const org = await requireOrgContext();
  const { ats: asked, connected, disconnected, error, refresh } = await searchParams;
  const isAdmin = isAdminRole(org.role);
  const card = await connectionCardData(org.organizationId);
  // Without a choice in the URL, the page opens on the ATS the organization is connected to.
  const ats = asked ?? card.connection?.provider ?? "lever";
  // The catalog lists more ATSs than are built; only a built one the catalog offers has a card.
  const offered = ATS_CATALOG.some((c) => c.id === ats && c.available);
  const provider = offered ? (providers().find((p) => p.name === ats) ?? null) : null;
  const ownConnection = card.connection?.provider === ats;
  // The log names candidates and jobs, confidential ones included, so it is for the admins who see every job.
  const activity = ownConnection && card.connection && isAdmin ? await connectionActivity(org.organizationId, card.connection.id) : null;
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <AtsList selected={ats} connected={card.connection?.provider ?? null} />
      {provider ? (
        <div className="min-w-0 space-y-6">
          <AtsCard ats={atsView(provider)} isAdmin={isAdmin} error={connectErrorMessage(error, provider)} openSettings={connected === "1"} disconnected={disconnected} {...card} />
          {ownConnection ? <ReferencePanel organizationId={org.organizationId} label={provider.label} isAdmin={isAdmin} refreshFailed={refresh === "failed"} /> : null}
          {activity ? <ActivityPanel label={provider.label} entries={activity.entries} failed={activity.failed} canRetry={isAdmin} /> : null}
        </div>
      ) : null}
    </div>
  );
}
