import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { Alert, Badge } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireOrgContext } from "@/lib/auth/guard";
import { toAppError } from "@/lib/errors";
import { referenceData, refreshReference } from "@/lib/imports/reference";
import { log } from "@/lib/log";

/** Re-reads stages and rejection reasons from the ATS; the organization and role come from the session. */
async function refreshFromAts() {
  "use server";
  let failed = false;
  try {
    await refreshReference(await requireOrgContext({ admin: true, action: "refresh ATS data" }));
  } catch (e) {
    if (!toAppError(e)) log.error("refreshing ATS reference data failed", { error: e });
    else log.warn("refreshing ATS reference data was refused", { reason: toAppError(e)!.message });
    failed = true;
  }
  revalidatePath("/settings/ats");
  // A flag, not the message: the page shows only its own words for what is in the URL.
  if (failed) redirect("/settings/ats?refresh=failed");
}

/** Settings → ATS: the stages and the rejection reasons recruiters can choose, as mirrored from the connected ATS. */
export async function ReferencePanel({ organizationId, label, isAdmin, refreshFailed = false }: { organizationId: string; label: string; isAdmin: boolean; refreshFailed?: boolean }) {
  const data = await referenceData(organizationId);
  if (!data) return null;
  return (
    <Card>
      <CardHeader
        title="Stages and rejection reasons"
        description={
          data.syncedAt
            ? `Mirrored from ${label}; refreshed daily. Last change ${data.syncedAt.slice(0, 16).replace("T", " ")} UTC.`
            : `Not read from ${label} yet.`
        }
        actions={
          isAdmin ? (
            <form action={refreshFromAts}>
              <Button type="submit" variant="secondary">
                Refresh from {label}
              </Button>
            </form>
          ) : null
        }
      />
      {refreshFailed ? (
        <div className="px-6 pt-4">
          <Alert tone="error" title="Not refreshed">
            Could not refresh from {label}. Try again in a minute; if {label} needs to be reconnected, the {label} card above says so.
          </Alert>
        </div>
      ) : null}
      <CardBody className="grid gap-6 sm:grid-cols-2">
        <section aria-labelledby="reasons-title">
          <h3 id="reasons-title" className="text-sm font-semibold text-slate-900">
            Rejection reasons <span className="font-normal text-slate-500">({data.rejectionReasons.length})</span>
          </h3>
          <p className="mt-0.5 text-xs text-slate-500">Active non-hired archive reasons: what a recruiter picks when rejecting.</p>
          {data.rejectionReasons.length ? (
            <ul className="mt-2 flex flex-wrap gap-1.5" data-testid="rejection-reasons">
              {data.rejectionReasons.map((r) => (
                <li key={r.id}>
                  <Badge>{r.text}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-500">None yet.</p>
          )}
        </section>
        <section aria-labelledby="stages-title">
          <h3 id="stages-title" className="text-sm font-semibold text-slate-900">
            Stages <span className="font-normal text-slate-500">({data.stages.length})</span>
          </h3>
          <p className="mt-0.5 text-xs text-slate-500">In the order {label} lists them.</p>
          {data.stages.length ? (
            <ol className="mt-2 space-y-1 text-sm text-slate-700" data-testid="stages">
              {data.stages.map((s, i) => (
                <li key={s.id} className="flex gap-2">
                  <span className="w-5 text-right tabular-nums text-slate-500">{i + 1}.</span>
                  {s.text}
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-2 text-sm text-slate-500">None yet.</p>
          )}
        </section>
      </CardBody>
    </Card>
  );
}
