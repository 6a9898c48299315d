"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { api } from "@/components/jobs/api";
import { TimeAgo } from "@/components/ui/time-ago";
import { useDismiss } from "./use-dismiss";
import type { NotificationView } from "@/lib/notifications/inbox";

/** How often an open tab asks for the count while nothing else happens. */
const POLL_MS = 60_000;

export const bellLabel = (unread: number) => `Notifications, ${unread === 0 ? "none" : unread} unread`;

/**
 * The bell in the app's frame: the unread count, read again on every navigation, when the tab comes
 * back into view and once a minute while it is visible (one small query, no push channel). Opening
 * it lists the latest notifications, each a link to where it happened; following one marks it read.
 * A non-modal dialog: focus moves into it when it opens, Escape or a click outside closes it and
 * Escape gives focus back to the bell.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const pathname = usePathname();

  const refreshCount = useCallback(async () => {
    try {
      setUnread((await api<{ unread: number }>("/api/notifications/unread")).unread);
    } catch {
      // The count stays as it was; the next navigation or poll asks again.
    }
  }, []);

  const load = useCallback(async () => {
    try {
      const list = await api<{ items: NotificationView[]; unread: number }>("/api/notifications");
      setItems(list.items);
      setUnread(list.unread);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not load notifications");
    }
  }, []);

  // A navigation closes the panel and reads the count again (the layout, rendered once, does not).
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    void refreshCount();
  }, [pathname, refreshCount]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") void refreshCount();
    };
    const timer = setInterval(onVisible, POLL_MS);
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", onVisible);
    };
  }, [refreshCount]);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (open) panelRef.current?.focus();
  }, [open]);
  useDismiss(open, rootRef, close);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    try {
      const result = await api<{ unread: number }>("/api/notifications/read", { body });
      setUnread(result.unread);
      setItems((list) => list?.map((n) => ("all" in body || body.ids.includes(n.id) ? { ...n, read: true } : n)) ?? null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not mark read");
    }
  };

  const headingId = `${id}-heading`;
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        aria-haspopup="dialog"
        onClick={() => {
          if (!open) void load();
          setOpen((o) => !o);
        }}
        className="relative grid h-10 w-10 place-items-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5 fill-current">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Zm-2 1H7v-6a5 5 0 0 1 10 0v6Z" />
        </svg>
        {unread > 0 ? (
          <span aria-hidden className="absolute right-0.5 top-0.5 min-w-[1.125rem] rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-[1.125rem] text-white tabular-nums">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={`${id}-panel`}
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
          data-testid="notifications"
          className="fixed inset-x-2 top-14 z-40 max-h-[75vh] overflow-y-auto rounded-xl border border-slate-200 bg-white shadow-lg outline-none md:absolute md:inset-x-auto md:left-0 md:top-full md:mt-2 md:w-96"
        >
          <div className="sticky top-0 flex items-center justify-between gap-2 border-b border-slate-100 bg-white px-4 py-3">
            <h2 id={headingId} className="text-sm font-semibold text-slate-900">
              Notifications
            </h2>
            <button
              type="button"
              disabled={unread === 0}
              onClick={() => void markRead({ all: true })}
              className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:text-slate-500 disabled:hover:bg-transparent"
            >
              Mark all read
            </button>
          </div>
          {error ? (
            <p role="alert" className="px-4 py-3 text-sm text-red-700">
              {error}
            </p>
          ) : null}
          {items === null ? (
            error ? null : <p className="px-4 py-6 text-sm text-slate-600">Loading…</p>
          ) : items.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">Nothing yet. New applicants on jobs you follow, finished imports and updates your ATS refused show up here.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {items.map((n) => (
                <li key={n.id} className={`flex items-start gap-2 px-2 py-1 ${n.read ? "" : "bg-brand-50/60"}`}>
                  <Link
                    href={n.link ?? "/jobs"}
                    onClick={() => {
                      if (!n.read) void markRead({ ids: [n.id] });
                    }}
                    className="min-w-0 flex-1 rounded-md px-2 py-2 hover:bg-slate-50"
                  >
                    <span className={`block text-sm ${n.read ? "text-slate-700" : "font-semibold text-slate-900"}`}>
                      {n.read ? null : <span className="sr-only">Unread: </span>}
                      {n.title}
                    </span>
                    {n.candidateName ? <span className="block text-sm text-slate-700">{n.candidateName}</span> : null}
                    {n.body ? <span className="mt-0.5 block text-sm text-slate-600 [overflow-wrap:anywhere]">{n.body}</span> : null}
                    <TimeAgo date={n.at} className="mt-1 block text-xs text-slate-600" />
                  </Link>
                  {n.read ? null : (
                    <button
                      type="button"
                      onClick={() => void markRead({ ids: [n.id] })}
                      aria-label={`Mark read: ${n.title}`}
                      className="mt-1.5 shrink-0 rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-100"
                    >
                      Mark read
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
