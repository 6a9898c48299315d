"use client";

import { useActionState } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/(app)/settings/actions";
import { Badge } from "@/components/ui/alert";

const LABEL = { OWNER: "Owner", ADMIN: "Admin", RECRUITER: "Recruiter" } as const;

export function MemberRow(props: {
  membershipId: string;
  name: string;
  email: string;
  role: keyof typeof LABEL;
  isSelf: boolean;
  canEdit: boolean;
  canGrantOwner: boolean;
}) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [removeState, removeAction, removePending] = useActionState(removeMemberAction, null);
  const error = (roleState && !roleState.ok && roleState.error) || (removeState && !removeState.ok && removeState.error);
  return (
    <li className="flex flex-col gap-3 px-5 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-slate-900">
          {props.name} {props.isSelf ? <span className="text-slate-500">(you)</span> : null}
        </p>
        <p className="truncate text-sm text-slate-500">{props.email}</p>
        {error ? <p role="alert" className="mt-1 text-xs text-red-600">{error}</p> : null}
      </div>
      {props.canEdit ? (
        <div className="flex items-center gap-2">
          <form action={roleAction} className="flex items-center gap-2">
            <input type="hidden" name="membershipId" value={props.membershipId} />
            <label className="sr-only" htmlFor={`role-${props.membershipId}`}>Role of {props.email}</label>
            <select
              id={`role-${props.membershipId}`}
              name="role"
              defaultValue={props.role}
              disabled={rolePending}
              onChange={(e) => e.currentTarget.form?.requestSubmit()}
              className="rounded-md bg-white py-1 pl-2 pr-7 text-sm ring-1 ring-slate-300"
            >
              {props.canGrantOwner ? <option value="OWNER">Owner</option> : null}
              <option value="ADMIN">Admin</option>
              <option value="RECRUITER">Recruiter</option>
            </select>
          </form>
          <form action={removeAction}>
            <input type="hidden" name="membershipId" value={props.membershipId} />
            <button disabled={removePending} className="rounded-md px-2 py-1 text-sm text-red-600 hover:bg-red-50">
              Remove
            </button>
          </form>
        </div>
      ) : (
        <Badge tone={props.role === "RECRUITER" ? "slate" : "brand"}>{LABEL[props.role]}</Badge>
      )}
    </li>
  );
}
