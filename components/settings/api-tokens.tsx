"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/jobs/api";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "Never");

/** Create (the token is shown once, here), list and revoke the organization's read-only API tokens. */
export function ApiTokens({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function create() {
    setBusy("create");
    setError(null);
    try {
      const res = await api<{ token: string; apiToken: { name: string } }>("/api/settings/api-tokens", { method: "POST", body: { name } });
      setCreated({ name: res.apiToken.name, token: res.token });
      setName("");
      setCopied(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not create the token");
    } finally {
      setBusy(null);
    }
  }

  async function revoke(row: TokenRow) {
    if (!window.confirm(`Revoke “${row.name}”? Anything using it stops working at once.`)) return;
    setBusy(row.id);
    setError(null);
    try {
      await api(`/api/settings/api-tokens/${row.id}`, { method: "DELETE" });
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not revoke the token");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-5">
      <form
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div className="sm:w-80">
          <Field label="Token name" name="name" value={name} maxLength={80} placeholder="e.g. Data warehouse" onChange={(e) => setName(e.target.value)} />
        </div>
        <Button type="submit" disabled={busy !== null}>
          {busy === "create" ? "Creating…" : "Create token"}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {created ? (
        <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900" data-testid="new-token">
          <p className="font-semibold">Copy the token “{created.name}” now: it is not shown again.</p>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
            <code className="block break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-emerald-200">{created.token}</code>
            <Button
              type="button"
              variant="secondary"
              className="shrink-0"
              onClick={() => void navigator.clipboard?.writeText(created.token).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">No API tokens yet.</p>
      ) : (
        <div className="relative overflow-x-auto">
          {/* relative: the header's sr-only label is positioned, and would otherwise widen the page from outside the scroller. */}
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                <th scope="col" className="py-2 pr-4 font-medium">Token</th>
                <th scope="col" className="py-2 pr-4 font-medium">Created</th>
                <th scope="col" className="py-2 pr-4 font-medium">Last used</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((t) => (
                <tr key={t.id} data-testid="api-token-row">
                  <td className="py-2.5 pr-4 font-medium">{t.name}</td>
                  <td className="py-2.5 pr-4 font-mono text-xs">{t.prefix}…</td>
                  <td className="py-2.5 pr-4 text-slate-600">
                    {when(t.createdAt)}
                    {t.createdBy ? <span className="block text-xs">by {t.createdBy}</span> : null}
                  </td>
                  <td className="py-2.5 pr-4 text-slate-600">{when(t.lastUsedAt)}</td>
                  <td className="py-2.5 text-right">
                    {t.revokedAt ? (
                      <span className="text-xs text-slate-500">Revoked {when(t.revokedAt)}</span>
                    ) : (
                      <Button type="button" variant="danger" className="px-2.5 py-1 text-xs" disabled={busy !== null} onClick={() => void revoke(t)}>
                        {busy === t.id ? "Revoking…" : "Revoke"}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
