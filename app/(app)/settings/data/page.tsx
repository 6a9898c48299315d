import type { Metadata } from "next";
import { RetentionForm } from "@/components/settings/retention-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { isAdminRole } from "@/lib/auth/guard";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { retentionOf } from "@/lib/candidates/deletion";

export const metadata: Metadata = { title: "Data retention" };

export default async function DataPage() {
  const org = await pageOrgContext();
  const { days } = await retentionOf(org.organizationId);
  return (
    <Card>
      <CardHeader
        title="Data retention"
        description="How long candidates' data stays after they are archived. Candidates deleted in the ATS are deleted here too, and an admin can delete one from the candidate's page."
      />
      <CardBody>
        <RetentionForm initial={days} canEdit={isAdminRole(org.role)} />
      </CardBody>
    </Card>
  );
}
