"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { applyLeverSettingsAction } from "@/app/(app)/settings/ats/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ConnectionStatus } from "@/lib/connections/status";
import { describeWebhook, useLeverStatus, WEBHOOK_DOT, WebhookText } from "./webhook-status";

export interface LeverSettingsView {
  autoGenerateJobs: boolean;
  autoImportCandidates: boolean;
  postResults: boolean;
  updateStages: boolean;
  actingUserExternalId: string | null;
  appliedAt: string | null;
}

function Toggle({ name, label, hint, defaultChecked, disabled }: { name: string; label: string; hint: string; defaultChecked: boolean; disabled: boolean }) {
  const [on, setOn] = useState(defaultChecked);
  const id = `toggle-${name}`;
  return (
    <div className="flex items-start justify-between gap-4 py-3">
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-500">
          {hint}
        </p>
      </div>
      <input type="hidden" name={name} value={on ? "true" : "false"} />
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onClick={() => setOn(!on)}
        className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-50 ${on ? "bg-brand-600" : "bg-slate-300"}`}
      >
        <span className={`inline-block h-5 w-5 transform rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0.5"}`} />
      </button>
    </div>
  );
}

function WebhookStep({ status: initial, leverWebhooksUrl, onClose }: { status: ConnectionStatus; leverWebhooksUrl: string | null; onClose: () => void }) {
  // Apply Changes has just registered the webhooks: the page's earlier status would say otherwise until the first poll.
  const status = useLeverStatus({ ...initial, webhooksRegistered: true }, 2000);
  const d = describeWebhook(status);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!status.webhookUrl) return;
    await navigator.clipboard.writeText(status.webhookUrl).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  const done = d.tone === "receiving" || d.tone === "verified";
  return (
    <div className="space-y-4">
      <h2 id="lever-settings-title" className="text-lg font-semibold">One more step in Lever</h2>
      <p className="text-sm text-slate-600">
        The app registered its webhook in your Lever account. Lever keeps new webhooks switched off until a Super Admin turns them on:
      </p>
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>
          In Lever, open{" "}
          {leverWebhooksUrl ? (
            <a href={leverWebhooksUrl} target="_blank" rel="noreferrer" className="font-semibold text-brand-700 underline">
              Settings → Integrations and API → Webhooks<span className="sr-only"> (opens Lever in a new tab)</span>
            </a>
          ) : (
            <strong>Settings → Integrations and API → Webhooks</strong>
          )}
          .
        </li>
        <li>
          Switch <mark className="rounded bg-amber-100 px-1 font-semibold text-amber-900">Applications Created</mark> on. The URL below is already filled in.
        </li>
        <li>
          Press Lever&apos;s own <strong>Verify connection</strong> beside it: Lever sends a test delivery, and this window says when it arrives.
        </li>
        <li>Optionally switch on Candidate Stage Change and Candidate Archive State Change, so moves made in Lever show here too.</li>
      </ol>
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Webhook URL</p>
        <div className="mt-1 flex items-start gap-2">
          <code data-testid="webhook-url" className="block min-w-0 flex-1 break-all rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800">
            {status.webhookUrl}
          </code>
          <Button type="button" variant="secondary" onClick={() => void copy()} className="shrink-0">
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </div>
      <div
        role="status"
        aria-live="polite"
        className={`flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium ${d.tone === "receiving" ? "bg-emerald-50 text-emerald-800" : d.tone === "verified" ? "bg-brand-50 text-brand-700" : "bg-amber-50 text-amber-900"}`}
      >
        <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${WEBHOOK_DOT[d.tone]}`} />
        <span data-testid="dialog-webhook-status">
          <WebhookText status={status} />
        </span>
      </div>
      <div className="flex justify-end">
        <Button type="button" onClick={onClose}>
          {done ? "Done" : "I'll do it later"}
        </Button>
      </div>
    </div>
  );
}

export function LeverSettingsDialog(props: {
  connectionId: string;
  initialOpen: boolean;
  isAdmin: boolean;
  settings: LeverSettingsView;
  atsUsers: { id: string; name: string }[];
  atsUsersError?: string;
  status: ConnectionStatus;
  /** Lever's webhook settings page for the connected environment; null for the simulator, which has none. */
  leverWebhooksUrl: string | null;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<"settings" | "webhook">("settings");
  const [state, action, pending] = useActionState(async (prev: Awaited<ReturnType<typeof applyLeverSettingsAction>> | null, form: FormData) => {
    const result = await applyLeverSettingsAction(prev, form);
    if (result.ok) setStep("webhook");
    return result;
  }, null);

  useEffect(() => {
    if (props.initialOpen) dialog.current?.showModal();
  }, [props.initialOpen]);

  const close = () => {
    dialog.current?.close();
    setStep("settings");
    // Drop ?connected=1 so a reload does not open the window again.
    window.history.replaceState(null, "", "/settings/ats?ats=lever");
  };

  const s = props.settings;
  const readOnly = !props.isAdmin;
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => dialog.current?.showModal()}>
        Integration settings
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="lever-settings-title"
        onClose={() => setStep("settings")}
        className="m-auto w-full max-w-lg rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-6">
          {step === "webhook" ? (
            <WebhookStep status={props.status} leverWebhooksUrl={props.leverWebhooksUrl} onClose={close} />
          ) : (
            <form action={action} className="space-y-4">
              <input type="hidden" name="connectionId" value={props.connectionId} />
              <div>
                <h2 id="lever-settings-title" className="text-lg font-semibold">Lever integration settings</h2>
                <p className="mt-1 text-sm text-slate-500">
                  {readOnly ? "Only organization owners and admins can change these." : "Choose what the app imports and what it writes back to Lever."}
                </p>
              </div>
              {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
              <div className="divide-y divide-slate-100 border-y border-slate-100">
                <Toggle
                  name="autoGenerateJobs"
                  label="Auto-generate jobs"
                  hint="Create a job here the first time someone applies to a Lever posting you have not imported. Importing jobs by hand gives you better control."
                  defaultChecked={s.autoGenerateJobs}
                  disabled={readOnly}
                />
                <Toggle
                  name="autoImportCandidates"
                  label="Auto-import candidates"
                  hint="Import new applicants of imported jobs as they apply."
                  defaultChecked={s.autoImportCandidates}
                  disabled={readOnly}
                />
                <Toggle name="postResults" label="Post results to Lever" hint="Add a note with the score and each criterion's verdict to the candidate in Lever." defaultChecked={s.postResults} disabled={readOnly} />
                <Toggle name="updateStages" label="Update stages in Lever" hint="When you advance or reject a candidate here, make the same change in Lever." defaultChecked={s.updateStages} disabled={readOnly} />
              </div>
              <div>
                <label htmlFor="acting-user" className="text-sm font-medium text-slate-900">
                  Write to Lever as
                </label>
                <select
                  id="acting-user"
                  name="actingUserExternalId"
                  defaultValue={s.actingUserExternalId ?? ""}
                  disabled={readOnly || props.atsUsers.length === 0}
                  className="mt-1 block w-full rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-inset ring-slate-300"
                >
                  {props.atsUsers.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
                <p className="mt-1 text-xs text-slate-500">
                  {props.atsUsersError ?? "Notes and stage changes appear in Lever as made by this user."}
                </p>
              </div>
              <p className="text-sm text-slate-500">With both import options off, jobs and candidates are only imported by hand.</p>
              <div className="flex justify-end gap-2">
                <Button type="button" variant="secondary" onClick={close}>
                  {readOnly ? "Close" : "Cancel"}
                </Button>
                {readOnly ? null : (
                  <Button type="submit" disabled={pending}>
                    {pending ? "Applying…" : "Apply Changes"}
                  </Button>
                )}
              </div>
            </form>
          )}
        </div>
      </dialog>
    </>
  );
}
