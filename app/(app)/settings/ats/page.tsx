import type { Metadata } from "next";
import { AtsList } from "@/components/ats/ats-list";
import { LeverCard } from "@/components/ats/lever-card";
import { isAdminRole, requireOrgContext } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "ATS" };

export default async function AtsPage({ searchParams }: { searchParams: Promise<{ ats?: string }> }) {
  const org = await requireOrgContext();
  const { ats = "lever" } = await searchParams;
  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <AtsList selected={ats} />
      {ats === "lever" ? <LeverCard isAdmin={isAdminRole(org.role)} /> : null}
    </div>
  );
}
