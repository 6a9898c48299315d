import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction, switchOrganizationAction } from "@/app/(app)/actions";
import type { OrgContext } from "@/lib/auth/guard";
import { NavLink } from "./nav-link";

const roleLabel = { OWNER: "Owner", ADMIN: "Admin", RECRUITER: "Recruiter" } as const;

export function AppShell({
  org,
  organizations,
  children,
}: {
  org: OrgContext;
  organizations: { id: string; name: string; role: keyof typeof roleLabel }[];
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen md:flex">
      <aside className="border-b border-slate-200 bg-white md:fixed md:inset-y-0 md:flex md:w-60 md:flex-col md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-2 px-4 py-3 md:py-5">
          <Link href="/jobs" className="flex items-center gap-2">
            <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 font-bold text-white">S</span>
            <span className="font-semibold tracking-tight">Screening</span>
          </Link>
        </div>
        <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-3 pb-3 md:flex-1 md:flex-col md:pb-0">
          <NavLink href="/jobs" icon="briefcase">Jobs</NavLink>
          <NavLink href="/settings" icon="cog">Settings</NavLink>
        </nav>
        <div className="hidden border-t border-slate-200 p-4 md:block">
          {organizations.length > 1 ? (
            <form action={switchOrganizationAction} className="mb-3">
              <label htmlFor="org-switch" className="text-xs font-medium text-slate-500">
                Organization
              </label>
              <div className="mt-1 flex gap-2">
                <select id="org-switch" name="organizationId" defaultValue={org.organizationId} className="w-full rounded-md border-slate-300 bg-white py-1 text-sm ring-1 ring-slate-300">
                  {organizations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
                <button className="rounded-md px-2 text-xs font-medium text-brand-600 hover:bg-brand-50">Switch</button>
              </div>
            </form>
          ) : (
            <p className="mb-3 truncate text-sm font-medium text-slate-900" title={org.organizationName}>
              {org.organizationName}
            </p>
          )}
          <p className="truncate text-sm text-slate-600" title={org.userEmail}>
            {org.userEmail}
          </p>
          <p className="text-xs text-slate-500">{roleLabel[org.role]}</p>
          <form action={signOutAction} className="mt-3">
            <button className="text-sm font-medium text-slate-600 hover:text-slate-900">Sign out</button>
          </form>
        </div>
      </aside>
      <div className="flex-1 md:pl-60">
        <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 text-sm md:hidden">
          <span className="truncate font-medium">{org.organizationName}</span>
          <form action={signOutAction}>
            <button className="font-medium text-slate-600">Sign out</button>
          </form>
        </div>
        <main className="mx-auto max-w-5xl px-4 py-6 sm:px-6 lg:px-8 lg:py-10">{children}</main>
      </div>
    </div>
  );
}
