"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

const TABS = [
  { href: "/settings/profile", label: "Profile" },
  { href: "/settings/team", label: "Team" },
  { href: "/settings/ats", label: "ATS" },
  { href: "/settings/notice", label: "Candidate notice" },
  { href: "/settings/data", label: "Data retention" },
  { href: "/settings/oversight", label: "Oversight" },
  { href: "/settings/api-tokens", label: "API tokens" },
  { href: "/settings/email", label: "Sent email" },
];

export function SettingsTabs() {
  const path = usePathname();
  const activeRef = useRef<HTMLAnchorElement>(null);
  // On a phone the tabs scroll sideways: the current one is brought into view. A block body: in
  // Chromium scrollIntoView returns a promise, which React would take for the effect's cleanup.
  useEffect(() => {
    void activeRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [path]);
  return (
    <nav aria-label="Settings" className="mt-4 overflow-x-auto border-b border-slate-200">
      <ul className="-mb-px flex gap-6 whitespace-nowrap">
        {TABS.map((t) => {
          const active = path.startsWith(t.href);
          return (
            <li key={t.href}>
              <Link
                ref={active ? activeRef : undefined}
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block whitespace-nowrap border-b-2 px-1 pb-3 text-sm font-medium ${
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700"
                }`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
