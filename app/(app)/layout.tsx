import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { currentUserId, getOrgContext } from "@/lib/auth/guard";
import { pendingCount } from "@/lib/automations";
import { REQUEST_PATH_HEADER, signInPath } from "@/lib/auth/return-path";
import { db } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications/inbox";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const userId = await currentUserId();
  // Signed out: sign in, then come back to the page asked for (a candidate link from a Lever note).
  if (!userId) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER)));
  const org = await getOrgContext();
  if (!org) redirect("/welcome");
  const prisma = await db();
  const [memberships, user, needsDecision, unreadNotifications] = await Promise.all([
    prisma.membership.findMany({
      where: { userId },
      include: { organization: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    prisma.user.findUnique({ where: { id: userId }, select: { name: true } }),
    pendingCount(org),
    unreadCount(org),
  ]);
  return (
    <AppShell
      org={org}
      userName={user?.name ?? null}
      organizations={memberships.map((m) => ({ id: m.organization.id, name: m.organization.name, role: m.role }))}
      needsDecision={needsDecision}
      unreadNotifications={unreadNotifications}
    >
      {children}
    </AppShell>
  );
}
