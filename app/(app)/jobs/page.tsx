import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { requireOrgContext } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  const org = await requireOrgContext();
  const jobs = await (await db()).job.findMany({
    where: { organizationId: org.organizationId },
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { candidates: true } } },
  });
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
      </div>
      {jobs.length === 0 ? (
        <Card>
          <CardBody className="py-12 text-center">
            <h2 className="text-base font-semibold">No jobs yet</h2>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">
              Jobs come from Lever. Once an admin connects Lever in Settings → ATS, import postings here or let new applications create them.
            </p>
            <Link href="/settings/ats" className={buttonClass("secondary", "mt-4")}>
              Go to Settings → ATS
            </Link>
          </CardBody>
        </Card>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {jobs.map((j) => (
              <li key={j.id} className="flex items-center justify-between px-5 py-3">
                <div>
                  <p className="font-medium">{j.title}</p>
                  <p className="text-sm text-slate-500">{[j.team, j.location, j.commitment].filter(Boolean).join(" · ")}</p>
                </div>
                <span className="text-sm text-slate-600">{j._count.candidates} candidates</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
