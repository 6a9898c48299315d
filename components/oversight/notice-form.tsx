"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/jobs/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { NoticeView } from "@/lib/oversight/notice";

/** The organization's candidate notice: copy it for a job post; admins edit it or go back to the default. */
export function NoticeForm({ initial, canEdit }: { initial: NoticeView; canEdit: boolean }) {
  const router = useRouter();
  const [notice, setNotice] = useState(initial);
  const [text, setText] = useState(initial.text);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const dirty = text.trim() !== notice.text.trim();

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access can be refused (an insecure origin, a browser setting): select the text instead.
      const area = document.getElementById("candidate-notice") as HTMLTextAreaElement | null;
      area?.select();
      setMessage({ tone: "error", text: "Your browser did not allow copying. The text is selected: press Ctrl+C (⌘C on a Mac)." });
    }
  }

  async function save(value: string | null) {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await api<NoticeView>("/api/settings/candidate-notice", { method: "PUT", body: { text: value } });
      setNotice(saved);
      setText(saved.text);
      setMessage({ tone: "success", text: saved.isDefault ? "Notice reset to the default wording." : "Notice saved." });
      router.refresh();
    } catch (e) {
      setMessage({ tone: "error", text: e instanceof Error ? e.message : "Could not save the notice" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor="candidate-notice" className="text-sm font-medium text-slate-700">
          Notice for job posts {notice.isDefault ? <span className="font-normal text-slate-500">(default wording)</span> : null}
        </label>
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <textarea
        id="candidate-notice"
        value={text}
        readOnly={!canEdit}
        rows={9}
        maxLength={4000}
        onChange={(e) => {
          setText(e.target.value);
          setMessage(null);
        }}
        className={`${inputClass} leading-6 ${canEdit ? "" : "bg-slate-50 text-slate-700"}`}
      />
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {canEdit ? (
        <div className="flex flex-wrap items-center justify-end gap-2">
          {!notice.isDefault ? (
            <Button type="button" variant="ghost" disabled={busy} onClick={() => void save(null)}>
              Reset to default
            </Button>
          ) : null}
          {dirty ? (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => setText(notice.text)}>
              Discard
            </Button>
          ) : null}
          <Button type="button" disabled={busy || !dirty} onClick={() => void save(text)}>
            {busy ? "Saving…" : "Save notice"}
          </Button>
        </div>
      ) : (
        <p className="text-xs text-slate-500">Only organization owners and admins can change the notice.</p>
      )}
      <p className="text-xs leading-5 text-slate-500">
        When a candidate asks for a human review, open them and choose <span className="font-medium">Asked for human review</span>: the automated tool then leaves them alone.
      </p>
    </div>
  );
}
