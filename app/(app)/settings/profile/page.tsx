import type { Metadata } from "next";
import { DigestToggle } from "@/components/settings/digest-toggle";
import { ProfileForm } from "@/components/settings/profile-form";
import { SecurityForm } from "@/components/settings/security-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { digestEmailOf } from "@/lib/notifications/digest";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const org = await pageOrgContext();
  const { password } = await searchParams;
  const [user, digest] = await Promise.all([(await db()).user.findUniqueOrThrow({ where: { id: org.userId } }), digestEmailOf(org)]);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Profile" description="How your teammates see you." />
        <CardBody>
          <ProfileForm name={user.name ?? ""} email={user.email} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Email" description={`Notifications in ${org.organizationName}, by email.`} />
        <CardBody>
          <DigestToggle enabled={digest} organizationName={org.organizationName} hour={config().mail.digestHourUtc} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Password and sessions" description="Changing your password signs out your other sessions." />
        <CardBody>
          <SecurityForm hasPassword={!!user.passwordHash} passwordChanged={password === "changed"} />
        </CardBody>
      </Card>
    </div>
  );
}
