import type { Metadata } from "next";
import { AtsList } from "@/components/ats/ats-list";
import { LeverCard } from "@/components/ats/lever-card";
import { isAdminRole, requireOrgContext } from "@/lib/auth/guard";
import { leverCardData } from "@/lib/integrations/lever/card";

export const metadata: Metadata = { title: "ATS" };

export default async function AtsPage({ searchParams }: { searchParams: Promise<{ ats?: string; connected?: string; error?: string }> }) {
  const org = await requireOrgContext();
  const { ats = "lever", connected, error } = await searchParams;
  const isAdmin = isAdminRole(org.role);
  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <AtsList selected={ats} />
      {ats === "lever" ? (
        <LeverCard isAdmin={isAdmin} error={error?.slice(0, 400)} openSettings={connected === "1"} {...await leverCardData(org.organizationId)} />
      ) : null}
    </div>
  );
}
