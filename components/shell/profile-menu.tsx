"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { signOutAction, switchOrganizationAction } from "@/app/(app)/actions";
import { useDismiss } from "./use-dismiss";

const roleLabel = { OWNER: "Owner", ADMIN: "Admin", RECRUITER: "Recruiter" } as const;
type RoleKey = keyof typeof roleLabel;

export interface ProfileMenuProps {
  name: string | null;
  email: string;
  role: RoleKey;
  organizationId: string;
  organizationName: string;
  organizations: { id: string; name: string; role: RoleKey }[];
  /** "up" from the bottom of the sidebar, "down" from the phone's top bar. */
  placement: "up" | "down";
  /** The sidebar shows name and organization beside the avatar; the phone's top bar only the avatar. */
  compact?: boolean;
}

/** "Dana Whitfield" → "DW", "recruiter@demo.test" → "RE". */
export function initials(name: string | null, email: string): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length >= 2) return (words[0]![0]! + words.at(-1)![0]!).toUpperCase();
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return email.replace(/[^a-z0-9]/gi, "").slice(0, 2).toUpperCase() || "?";
}

/**
 * Decorative: the initials are drawn from an attribute (CSS generated content), so they are not text
 * of the button that holds the avatar, whose name is "Account menu: <name>, <organization>".
 */
export function Avatar({ name, email, size = "md" }: { name: string | null; email: string; size?: "md" | "lg" }) {
  return (
    <span
      aria-hidden
      data-initials={initials(name, email)}
      className={`grid shrink-0 place-items-center rounded-full bg-brand-600 font-semibold text-white before:content-[attr(data-initials)] ${size === "lg" ? "h-10 w-10 text-sm" : "h-8 w-8 text-xs"}`}
    />
  );
}

/**
 * The account button (avatar with initials) and its menu: Settings, the organization switcher (or
 * the organization's name when there is only one) and Sign out. A WAI-ARIA menu button: Enter, Space
 * or ↓ opens it on the first item, ↑ on the last; arrows, Home and End move; Escape closes it and
 * returns focus to the button; a click outside or Tab closes it.
 */
export function ProfileMenu({ name, email, role, organizationId, organizationName, organizations, placement, compact }: ProfileMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<"first" | "last" | null>(null);
  const id = useId();
  const menuId = `${id}-menu`;
  const pathname = usePathname();
  const displayName = name?.trim() || email;
  const several = organizations.length > 1;

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])') ?? []);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  // Leaving the page (Settings chosen) closes the menu.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const list = items();
    if (focusOnOpen.current === "first") list[0]?.focus();
    else if (focusOnOpen.current === "last") list.at(-1)?.focus();
    focusOnOpen.current = null;
  }, [open]);
  useDismiss(open, rootRef, close);

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      focusOnOpen.current = e.key === "ArrowDown" ? "first" : "last";
      if (open) items()[e.key === "ArrowDown" ? 0 : items().length - 1]?.focus();
      else setOpen(true);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(list.length - 1);
    else if (e.key === "Tab") close(false);
  };

  const itemClass = "flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-700 outline-none hover:bg-slate-100 focus:bg-slate-100 focus-visible:outline-none";

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        // The avatar alone (phones) is named by its label; beside the name, the visible text names it.
        aria-label={compact ? `Account menu: ${displayName}, ${organizationName}` : undefined}
        onClick={(e) => {
          // Opened with the keyboard (Enter, Space: a click of detail 0), focus goes to the first item;
          // with a pointer it stays on the button, and ↓ moves into the menu.
          if (!open && e.detail === 0) focusOnOpen.current = "first";
          setOpen((o) => !o);
        }}
        onKeyDown={onButtonKey}
        className={
          compact
            ? "grid h-10 w-10 place-items-center rounded-full hover:bg-slate-100"
            : "flex w-full items-center gap-3 rounded-lg px-2 py-2 text-left hover:bg-slate-100"
        }
      >
        <Avatar name={name} email={email} />
        {compact ? null : (
          <>
            <span className="min-w-0 flex-1">
              <span className="sr-only">Account menu: </span>
              <span className="block truncate text-sm font-medium text-slate-900">{displayName}</span>
              <span className="sr-only">, </span>
              <span className="block truncate text-xs text-slate-600">{organizationName}</span>
            </span>
            <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-current text-slate-500">
              <path d="M10 4 6.5 7.5l1 1L10 6l2.5 2.5 1-1L10 4Zm0 12 3.5-3.5-1-1L10 14l-2.5-2.5-1 1L10 16Z" />
            </svg>
          </>
        )}
      </button>
      {open ? (
        <div
          className={`absolute z-40 w-72 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg ${
            placement === "up" ? "bottom-full left-0 mb-2" : "right-0 top-full mt-2"
          }`}
          data-testid="profile-menu"
        >
          <div className="flex items-center gap-3 px-3 py-2.5">
            <Avatar name={name} email={email} size="lg" />
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-slate-900">{displayName}</p>
              <p className="truncate text-xs text-slate-600">{email}</p>
              <p className="mt-0.5 truncate text-xs text-slate-600">
                {roleLabel[role]}
                {several ? null : ` · ${organizationName}`}
              </p>
            </div>
          </div>
          <div className="my-1 border-t border-slate-100" />
          <div ref={menuRef} id={menuId} role="menu" aria-labelledby={`${id}-button`} onKeyDown={onMenuKey}>
            <Link href="/settings/profile" role="menuitem" tabIndex={-1} className={itemClass} onClick={() => close(false)}>
              <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4 fill-current text-slate-500">
                <path d="M19.4 13a7.5 7.5 0 0 0 0-2l2-1.6-2-3.4-2.4 1a7 7 0 0 0-1.7-1L15 3.5h-4l-.3 2.5a7 7 0 0 0-1.7 1l-2.4-1-2 3.4L6.6 11a7.5 7.5 0 0 0 0 2l-2 1.6 2 3.4 2.4-1a7 7 0 0 0 1.7 1l.3 2.5h4l.3-2.5a7 7 0 0 0 1.7-1l2.4 1 2-3.4-2-1.6ZM13 15a3 3 0 1 1 0-6 3 3 0 0 1 0 6Z" />
              </svg>
              Settings
            </Link>
            {several ? (
              <>
                <div role="separator" className="my-1 border-t border-slate-100" />
                <div role="group" aria-labelledby={`${id}-orgs`}>
                  <p id={`${id}-orgs`} className="px-3 pb-1 pt-1.5 text-xs font-medium text-slate-600">
                    Switch organization
                  </p>
                  <form action={switchOrganizationAction} role="none">
                    {organizations.map((o) => (
                      <button
                        key={o.id}
                        type="submit"
                        name="organizationId"
                        value={o.id}
                        role="menuitemradio"
                        aria-checked={o.id === organizationId}
                        tabIndex={-1}
                        className={itemClass}
                      >
                        <span aria-hidden className="w-4 text-brand-600">
                          {o.id === organizationId ? "✓" : ""}
                        </span>
                        <span className="min-w-0 flex-1 truncate">{o.name}</span>
                        <span className="text-xs text-slate-600">{roleLabel[o.role]}</span>
                      </button>
                    ))}
                  </form>
                </div>
              </>
            ) : null}
            <div role="separator" className="my-1 border-t border-slate-100" />
            <form action={signOutAction} role="none">
              <button type="submit" role="menuitem" tabIndex={-1} className={itemClass}>
                <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4 fill-current text-slate-500">
                  <path d="M10 3h8a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-8v-2h8V5h-8V3Zm.6 5.4L12 7l5 5-5 5-1.4-1.4 2.6-2.6H3v-2h10.2l-2.6-2.6Z" />
                </svg>
                Sign out
              </button>
            </form>
          </div>
        </div>
      ) : null}
    </div>
  );
}
