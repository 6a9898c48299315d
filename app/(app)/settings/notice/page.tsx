import type { Metadata } from "next";
import { NoticeForm } from "@/components/oversight/notice-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { isAdminRole } from "@/lib/auth/guard";
import { pageOrgContext } from "@/lib/auth/page-guard";
import { candidateNotice } from "@/lib/oversight/notice";

export const metadata: Metadata = { title: "Candidate notice" };

export default async function NoticePage() {
  const org = await pageOrgContext();
  const notice = await candidateNotice(org);
  return (
    <Card>
      <CardHeader
        title="Candidate notice"
        description="Paste this into your job posts. It tells candidates that an automated tool helps screen applications, that a person makes every decision, and how to ask for a human review instead."
      />
      <CardBody>
        <NoticeForm initial={notice} canEdit={isAdminRole(org.role)} />
      </CardBody>
    </Card>
  );
}
