import type { Metadata } from "next";
import { InviteForm } from "@/components/settings/invite-form";
import { ResendInvitationButton } from "@/components/settings/resend-invitation-button";
import { RevokeInvitationButton } from "@/components/settings/revoke-invitation-button";
import { MemberRow } from "@/components/settings/member-row";
import { Badge } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { isAdminRole } from "@/lib/auth/guard";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { listTeam } from "@/lib/organizations/service";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const org = await pageOrgContext();
  const { members, invitations } = await listTeam(await db(), org);
  const admin = isAdminRole(org.role);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Members"
          description={admin ? "Owners and admins manage members and integrations; recruiters import and screen candidates." : "Only owners and admins can change the team."}
        />
        <ul className="divide-y divide-slate-100">
          {members.map((m) => (
            <MemberRow
              key={m.id}
              membershipId={m.id}
              name={m.user.name ?? m.user.email}
              email={m.user.email}
              role={m.role}
              isSelf={m.userId === org.userId}
              canEdit={admin && m.userId !== org.userId && (m.role !== "OWNER" || org.role === "OWNER")}
              canGrantOwner={org.role === "OWNER"}
            />
          ))}
        </ul>
      </Card>
      {admin ? (
        <Card>
          <CardHeader title="Invite a teammate" description="They get a link to join this organization with the role you choose. Links expire after 7 days." />
          <CardBody>
            <InviteForm canGrantOwner={org.role === "OWNER"} />
            {invitations.length ? (
              <div className="mt-6">
                <h3 className="text-sm font-medium text-slate-700">Pending invitations</h3>
                <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200">
                  {invitations.map((i) => (
                    <li key={i.id} className="flex flex-col gap-2 px-3 py-2 text-sm sm:flex-row sm:items-start sm:justify-between" data-testid="invitation">
                      <span className="min-w-0 break-all pt-1">{i.email}</span>
                      <span className="flex flex-wrap items-start gap-2 sm:justify-end">
                        <span className="pt-1">
                          <Badge tone={i.expiresAt < new Date() ? "red" : "slate"}>
                            {i.role.toLowerCase()} · {i.expiresAt < new Date() ? "expired" : "expires"} <TimeAgo date={i.expiresAt} />
                          </Badge>
                        </span>
                        <ResendInvitationButton invitationId={i.id} email={i.email} />
                        <RevokeInvitationButton invitationId={i.id} email={i.email} />
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
