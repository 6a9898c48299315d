import { Card, CardHeader } from "@/components/ui/card";
import { isAdminRole, type OrgContext } from "@/lib/auth/guard";
import { listPending, listRules, type SuggestionView } from "@/lib/automations";
import { db } from "@/lib/db/client";
import { jobCriteria } from "@/lib/screening/criteria";
import { candidateActionOptions } from "@/lib/writeback";
import { NeedsDecision, type SuggestionRow } from "./needs-decision";
import { RulesPanel } from "./rules-panel";

export function suggestionRows(views: SuggestionView[]): SuggestionRow[] {
  return views.map((s) => ({
    id: s.id,
    jobId: s.jobId,
    jobTitle: s.jobTitle,
    candidateId: s.candidateId,
    candidateName: s.candidateName,
    ruleName: s.ruleName,
    action: s.action,
    actionText: s.actionText,
    score: s.trigger?.score ?? 0,
    verdicts: s.trigger?.verdicts ?? [],
    applyAfter: s.applyAfter?.toISOString() ?? null,
  }));
}

/** The job page's Automations tab: the job's rules and the form to add one. */
export async function AutomationsSection({ org, jobId, ats }: { org: OrgContext; jobId: string; ats: string }) {
  const [rules, options, criteria] = await Promise.all([listRules(org, jobId), candidateActionOptions(org), jobCriteria(await db(), org.organizationId, jobId)]);
  return (
    <Card>
      <CardHeader
        title="Automations"
        description={`Rules read each screening result and suggest advancing or rejecting. Suggestions wait in Needs decision; nothing is written to ${ats} until someone confirms, unless an admin lets a rule apply on its own after a delay.`}
      />
      <RulesPanel
        jobId={jobId}
        rules={rules}
        stages={options.stages}
        reasons={options.archiveReasons}
        criteria={criteria.map((c) => ({ id: c.id, text: c.text }))}
        isAdmin={isAdminRole(org.role)}
      />
    </Card>
  );
}

/** The job page's Needs decision tab: this job's pending suggestions. */
export async function NeedsDecisionSection({ org, jobId, ats }: { org: OrgContext; jobId: string; ats: string }) {
  const rows = suggestionRows(await listPending(org, { jobId }));
  return (
    <Card>
      <CardHeader title={`Needs decision (${rows.length})`} description={`Confirm to write the change to ${ats}; dismiss to leave the candidate as they are.`} />
      <NeedsDecision rows={rows} showJob={false} ats={ats} />
    </Card>
  );
}
