import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { currentUserId, getOrgContext } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const userId = await currentUserId();
  if (!userId) redirect("/login");
  const org = await getOrgContext();
  if (!org) redirect("/welcome");
  const prisma = await db();
  const memberships = await prisma.membership.findMany({
    where: { userId },
    include: { organization: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return (
    <AppShell
      org={org}
      organizations={memberships.map((m) => ({ id: m.organization.id, name: m.organization.name, role: m.role }))}
    >
      {children}
    </AppShell>
  );
}
