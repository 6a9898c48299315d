import type { Metadata } from "next";
import { ProfileForm } from "@/components/settings/profile-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireOrgContext } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const org = await requireOrgContext();
  const user = await (await db()).user.findUniqueOrThrow({ where: { id: org.userId } });
  return (
    <Card>
      <CardHeader title="Profile" description="How your teammates see you." />
      <CardBody>
        <ProfileForm name={user.name ?? ""} email={user.email} />
      </CardBody>
    </Card>
  );
}
