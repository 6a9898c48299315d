"use client";

import { useActionState } from "react";
import { setJobAccessAction } from "@/app/(app)/jobs/[jobId]/actions";
import { Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import type { JobAccessMember } from "@/lib/auth/job-access";

export function AccessRow({ jobId, member }: { jobId: string; member: JobAccessMember }) {
  const [state, action, pending] = useActionState(setJobAccessAction, null);
  return (
    <li className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="access-member">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-slate-900">{member.name}</p>
        <p className="truncate text-sm text-slate-500">{member.email}</p>
        {state && !state.ok ? <p role="alert" className="mt-1 text-xs text-red-600">{state.error}</p> : null}
      </div>
      <form action={action} className="flex shrink-0 items-center gap-2">
        <input type="hidden" name="jobId" value={jobId} />
        <input type="hidden" name="userId" value={member.userId} />
        <input type="hidden" name="grant" value={member.granted ? "0" : "1"} />
        {member.granted ? <Badge tone="green">Has access</Badge> : <Badge>No access</Badge>}
        <button
          disabled={pending}
          aria-label={`${member.granted ? "Remove access for" : "Give access to"} ${member.email}`}
          className={buttonClass(member.granted ? "danger" : "secondary", "px-3 py-1.5")}
        >
          {pending ? "Saving…" : member.granted ? "Remove access" : "Give access"}
        </button>
      </form>
    </li>
  );
}
