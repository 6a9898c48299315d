import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import type { OrgContext } from "@/lib/auth/guard";
import { NavLink } from "./nav-link";
import { NotificationBell } from "./notification-bell";
import { ProfileMenu } from "./profile-menu";
import { ShellSearch } from "./shell-search";

type Organization = { id: string; name: string; role: OrgContext["role"] };

/**
 * The signed-in frame. Desktop: a sidebar with the search box, the navigation and, at the bottom
 * left, the account button (avatar) whose menu holds Settings, the organization switcher and Sign
 * out. Phones: a top bar with the same navigation, a search button and the account button. The
 * notification bell sits at the top on both.
 */
export function AppShell({
  org,
  userName,
  organizations,
  needsDecision = 0,
  unreadNotifications = 0,
  children,
}: {
  org: OrgContext;
  /** Pending automation suggestions the member may decide. */
  needsDecision?: number;
  /** The bell's count when the page was rendered; the bell keeps it current from then on. */
  unreadNotifications?: number;
  userName: string | null;
  organizations: Organization[];
  children: ReactNode;
}) {
  const menu = {
    name: userName,
    email: org.userEmail,
    role: org.role,
    organizationId: org.organizationId,
    organizationName: org.organizationName,
    organizations,
  };
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-4 py-2 text-sm font-medium text-brand-700 shadow-lg ring-2 ring-brand-500 focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 print:hidden border-b border-slate-200 bg-white md:fixed md:inset-y-0 md:left-0 md:flex md:w-60 md:flex-col md:border-b-0 md:border-r">
        <div className="flex items-center gap-2 px-4 py-2 md:py-5">
          <Link href="/jobs" className="flex items-center gap-2 rounded-lg">
            <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 font-bold text-white">
              S
            </span>
            <span className="font-semibold tracking-tight">Screening</span>
          </Link>
          <div className="ml-auto flex items-center gap-1">
            <Link
              href="/search"
              aria-label="Search candidates and jobs"
              className="grid h-10 w-10 place-items-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 md:hidden"
            >
              <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5 fill-current">
                <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65-1.06 1.06-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
              </svg>
            </Link>
            <NotificationBell initialUnread={unreadNotifications} />
            <div className="md:hidden">
              <ProfileMenu {...menu} placement="down" compact />
            </div>
          </div>
        </div>
        <div className="hidden px-3 pb-3 md:block">
          <Suspense>
            <ShellSearch />
          </Suspense>
        </div>
        <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-3 pb-2 md:flex-1 md:flex-col md:pb-0">
          <NavLink href="/jobs" icon="briefcase">
            Jobs
          </NavLink>
          <NavLink href="/decisions" icon="inbox" count={needsDecision}>
            <span className="whitespace-nowrap">Needs decision</span>
          </NavLink>
          <NavLink href="/settings" icon="cog">
            Settings
          </NavLink>
        </nav>
        <div className="hidden border-t border-slate-200 p-3 md:block">
          <ProfileMenu {...menu} placement="up" />
        </div>
      </header>
      <div className="md:pl-60 print:pl-0">
        <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-10">
          {children}
        </main>
      </div>
    </div>
  );
}
