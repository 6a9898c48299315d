"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert, Badge } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { PostingImportResult, PostingPage, PostingRow } from "@/lib/imports/postings";
import { api } from "./api";

const STATES = [
  { value: "published", label: "Published" },
  { value: "internal", label: "Internal" },
  { value: "closed", label: "Closed" },
] as const;

function query(states: string[], q: string, offset?: string | null) {
  const p = new URLSearchParams();
  for (const s of states) p.append("state", s);
  if (q.trim()) p.set("q", q.trim());
  if (offset) p.set("offset", offset);
  return `/api/jobs/ats-postings?${p}`;
}

/** "Import from <ATS>": a dialog that pages through the account's postings and imports the chosen ones as jobs. */
export function PostingPicker({ ats }: { ats: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [states, setStates] = useState<string[]>(["published", "internal"]);
  const [q, setQ] = useState("");
  const [items, setItems] = useState<PostingRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<PostingImportResult | null>(null);
  const generation = useRef(0);

  const load = useCallback(async (offset: string | null, replace: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await api<PostingPage>(query(states, q, offset));
      if (mine !== generation.current) return;
      setItems((prev) => (replace ? page.items : [...prev, ...page.items.filter((p) => !prev.some((x) => x.id === p.id))]));
      setNext(page.hasNext ? page.next : null);
    } catch (e) {
      if (mine === generation.current) setError(e instanceof Error ? e.message : "Could not load postings");
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [states, q]);

  // Search as you type (debounced); a new search starts from the ATS's first page.
  useEffect(() => {
    if (!open) return;
    const t = setTimeout(() => void load(null, true), q ? 300 : 0);
    return () => clearTimeout(t);
  }, [open, load, q]);

  const show = () => {
    setResult(null);
    setSelected(new Set());
    setOpen(true);
    dialog.current?.showModal();
  };
  const close = () => {
    dialog.current?.close();
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  async function importSelected() {
    setImporting(true);
    setError(null);
    try {
      const r = await api<PostingImportResult>("/api/jobs/import", { body: { postingIds: [...selected] } });
      setResult(r);
      const done = new Map(r.imported.map((j) => [j.postingId, j.jobId]));
      setItems((prev) => prev.map((p) => (done.has(p.id) ? { ...p, imported: true, jobId: done.get(p.id)! } : p)));
      setSelected(new Set());
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Import failed");
    } finally {
      setImporting(false);
    }
  }

  return (
    <>
      <Button type="button" onClick={show}>
        Import from {ats}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="picker-title"
        onClose={() => setOpen(false)}
        className="m-auto w-[calc(100%-1.5rem)] max-w-2xl rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex max-h-[85vh] flex-col">
          <div className="border-b border-slate-100 px-5 py-4">
            <div className="flex items-start justify-between gap-4">
              <div>
                <h2 id="picker-title" className="text-lg font-semibold">Import jobs from {ats}</h2>
                <p className="mt-0.5 text-sm text-slate-500">Choose postings to import. Their applicants can be imported from each job&apos;s page.</p>
              </div>
              <button type="button" onClick={close} className="rounded-md p-1 text-slate-500 hover:bg-slate-100" aria-label="Close dialog">
                ✕
              </button>
            </div>
            <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-center">
              <input
                type="search"
                aria-label="Search postings"
                placeholder="Search title, team, department, location"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                maxLength={200}
                className={`${inputClass} sm:flex-1`}
              />
              <fieldset className="flex shrink-0 gap-3 text-sm">
                <legend className="sr-only">Posting state</legend>
                {STATES.map((s) => (
                  <label key={s.value} className="flex items-center gap-1.5">
                    <input
                      type="checkbox"
                      checked={states.includes(s.value)}
                      onChange={(e) => setStates((prev) => (e.target.checked ? [...prev, s.value] : prev.filter((x) => x !== s.value)))}
                      className="h-4 w-4 rounded border-slate-300"
                    />
                    {s.label}
                  </label>
                ))}
              </fieldset>
            </div>
          </div>

          <div className="min-h-40 flex-1 overflow-y-auto px-5 py-3" aria-busy={loading}>
            {error ? <Alert tone="error">{error}</Alert> : null}
            {result ? (
              <div className="mb-3">
                <Alert tone={result.failed.length ? "warning" : "success"}>
                  {result.imported.length ? `Imported ${result.imported.map((j) => j.title).join(", ")}.` : null}
                  {result.failed.map((f) => (
                    <span key={f.postingId} className="block">{f.message}</span>
                  ))}
                </Alert>
              </div>
            ) : null}
            {items.length === 0 && !loading && !error ? (
              <p className="py-8 text-center text-sm text-slate-500">{q ? `No postings match “${q}”.` : "No postings in these states."}</p>
            ) : null}
            <ul className="divide-y divide-slate-100" aria-label={`${ats} postings`}>
              {items.map((p) => {
                const id = `posting-${p.id}`;
                return (
                  <li key={p.id} className="flex items-center gap-3 py-2.5">
                    <input
                      id={id}
                      type="checkbox"
                      disabled={p.imported}
                      checked={p.imported || selected.has(p.id)}
                      onChange={() => toggle(p.id)}
                      className="h-4 w-4 shrink-0 rounded border-slate-300 disabled:opacity-50"
                    />
                    <label htmlFor={id} className="min-w-0 flex-1">
                      <span className="block truncate font-medium text-slate-900">{p.title}</span>
                      <span className="block truncate text-sm text-slate-500">{[p.team, p.department, p.location].filter(Boolean).join(" · ")}</span>
                    </label>
                    <span className="flex shrink-0 flex-wrap justify-end gap-1">
                      {p.confidential ? <Badge tone="amber">Confidential</Badge> : null}
                      <Badge tone={p.state === "published" ? "green" : "slate"}>{p.state ?? "unknown"}</Badge>
                      {p.imported ? <Badge tone="brand">Imported</Badge> : null}
                    </span>
                  </li>
                );
              })}
            </ul>
            {loading ? <p className="py-3 text-center text-sm text-slate-500">Loading postings from {ats}…</p> : null}
            {next && !loading ? (
              <div className="py-2 text-center">
                <Button type="button" variant="secondary" onClick={() => void load(next, false)}>
                  Load more
                </Button>
              </div>
            ) : null}
          </div>

          <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3">
            <span className="text-sm text-slate-600">{selected.size ? `${selected.size} selected` : "Nothing selected"}</span>
            <div className="flex gap-2">
              <Button type="button" variant="secondary" onClick={close}>
                Close
              </Button>
              <Button type="button" disabled={selected.size === 0 || importing} onClick={() => void importSelected()}>
                {importing ? "Importing…" : `Import ${selected.size || ""} ${selected.size === 1 ? "posting" : "postings"}`.replace("  ", " ")}
              </Button>
            </div>
          </div>
        </div>
      </dialog>
    </>
  );
}
