"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { applySettingsAction, manualWebhookSetupAction } from "@/app/(app)/settings/ats/actions";
import { Alert, Badge } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ConnectionStatus } from "@/lib/connections/status";
import type { ManualWebhookSetup } from "@/lib/connections/settings";
import { describeWebhook, TONE_BOX, TONE_DOT, useConnectionStatus } from "./webhook-status";

/** What the settings window needs to know of the ATS: its name and what it can and cannot do. */
export interface AtsView {
  name: string;
  label: string;
  adminRole: string;
  actsAsUser: boolean;
  webhookRegistration: "api" | "manual";
  /** Where webhooks are managed in the ATS's own screens. */
  webhooksPlace: string;
  /** The first subscribed event, as the ATS's webhook screen names it. */
  firstEventLabel: string;
  /** The other subscribed events, as the ATS names them. */
  otherEventLabels: string[];
}

export interface SettingsView {
  autoGenerateJobs: boolean;
  autoImportCandidates: boolean;
  postResults: boolean;
  updateStages: boolean;
  actingUserExternalId: string | null;
  appliedAt: string | null;
  resultFormat: "form" | "note";
  /** Null when the ATS has no forms; false when this connection was made before the app asked for them. */
  formsAllowed: boolean | null;
}

/** Form or note: a form is reportable in the ATS; a connection made before the app asked for forms must reconnect first. */
function ResultFormatChoice({ value, allowed, disabled, atsLabel }: { value: "form" | "note"; allowed: boolean; disabled: boolean; atsLabel: string }) {
  const options = [
    { value: "form", label: "Form", hint: "A “Screening result” form on the candidate’s Forms tab: score, required criteria, verdicts and a link back. Reportable in " + atsLabel + "." },
    { value: "note", label: "Note", hint: "A note with the score and each criterion’s verdict." },
  ] as const;
  return (
    <fieldset className="py-3">
      <legend className="text-sm font-medium text-slate-900">Post results as</legend>
      <div className="mt-2 space-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <input type="radio" name="resultFormat" value={o.value} defaultChecked={value === o.value} disabled={disabled || (o.value === "form" && !allowed)} className="mt-1 h-4 w-4" />
            <span>
              <span className="font-medium text-slate-900">{o.label}</span>
              <span className="block text-slate-500">{o.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {allowed ? null : (
        <p className="mt-2 text-xs text-amber-700" data-testid="forms-reconnect-hint">
          To post results as a form, reconnect {atsLabel}: this connection was made before the app asked for permission to write forms.
        </p>
      )}
    </fieldset>
  );
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

function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<"idle" | "copied" | "refused">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // Clipboard access can be refused (an insecure origin, a browser setting): the value stays selectable.
      setState("refused");
    }
    setTimeout(() => setState("idle"), 2500);
  }
  return (
    <Button type="button" variant="secondary" onClick={copy} aria-label={`Copy ${what}`} className="shrink-0">
      {state === "copied" ? "Copied" : state === "refused" ? "Select and copy" : "Copy"}
    </Button>
  );
}

function StatusBox({ ats, live }: { ats: AtsView; live: ConnectionStatus }) {
  const d = describeWebhook(live, ats.label);
  return (
    <div role="status" aria-live="polite" className={`flex items-start gap-2 rounded-lg px-3 py-2 text-sm font-medium ${TONE_BOX[d.tone]}`}>
      <span aria-hidden className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${TONE_DOT[d.tone]}`} />
      <span data-testid="dialog-webhook-status">{d.text}</span>
    </div>
  );
}

/** The ATS registered the app's webhooks through its API; an admin there only switches them on. */
function ApiWebhookStep({ ats, status, onClose }: { ats: AtsView; status: ConnectionStatus; onClose: () => void }) {
  const live = useConnectionStatus(ats.name, status, 2000);
  // A test delivery (Verify connection) proves the webhook is on: the admin is done here.
  const tone = describeWebhook(live, ats.label).tone;
  const done = tone === "receiving" || tone === "ping";
  return (
    <div className="space-y-4">
      <h2 id="ats-settings-title" className="text-lg font-semibold">One more step in {ats.label}</h2>
      <p className="text-sm text-slate-600">
        The app registered its webhook in your {ats.label} account. {ats.label} keeps new webhooks switched off until a {ats.adminRole} turns them on:
      </p>
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>
          In {ats.label}, open <strong>{ats.webhooksPlace}</strong>.
        </li>
        <li>
          Switch <mark className="rounded bg-amber-100 px-1 font-semibold text-amber-900">{ats.firstEventLabel}</mark> on. The URL below is already filled in.
        </li>
        {ats.otherEventLabels.length ? <li>Optionally switch on {ats.otherEventLabels.join(" and ")}, so changes made in {ats.label} (moves, rejections, deletions) show here too.</li> : null}
        <li>Press {ats.label}&apos;s <strong>Verify connection</strong>: its test delivery shows below as received.</li>
      </ol>
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Webhook URL</p>
        <div className="mt-1 flex items-start gap-2">
          <code data-testid="webhook-url" className="block min-w-0 flex-1 break-all rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800">
            {live.webhookUrl}
          </code>
          {live.webhookUrl ? <CopyButton text={live.webhookUrl} what="the webhook URL" /> : null}
        </div>
      </div>
      <StatusBox ats={ats} live={live} />
      <div className="flex justify-end">
        <Button type="button" onClick={onClose}>
          {done ? "Done" : "I'll do it later"}
        </Button>
      </div>
    </div>
  );
}

/**
 * The ATS has no API for webhooks (Greenhouse): its admin creates one per event by hand, with the URL
 * and the secret the app made for that event. The secrets are fetched when this step opens, for admins only.
 */
function ManualWebhookStep({ ats, connectionId, status, onClose }: { ats: AtsView; connectionId: string; status: ConnectionStatus; onClose: () => void }) {
  const [setup, setSetup] = useState<ManualWebhookSetup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useConnectionStatus(ats.name, status, 2000);
  const tone = describeWebhook(live, ats.label).tone;
  useEffect(() => {
    let stale = false;
    void manualWebhookSetupAction(connectionId).then(
      (r) => {
        if (stale) return;
        if (r.ok) setSetup(r.data ?? null);
        else setError(r.error);
      },
      () => !stale && setError("The web hook details could not be loaded. Close this window and open it again."),
    );
    return () => {
      stale = true;
    };
  }, [connectionId]);
  return (
    <div className="space-y-4">
      <h2 id="ats-settings-title" className="text-lg font-semibold">One more step in {ats.label}</h2>
      <p className="text-sm text-slate-600">
        {ats.label} has no API for web hooks: a {ats.label} admin creates them by hand, one per event, each with the secret key the app made for it.
      </p>
      <StatusBox ats={ats} live={live} />
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>
          In {ats.label}, open <strong>{ats.webhooksPlace}</strong>.
        </li>
        <li>
          For each event below, create a web hook: choose the event under <strong>When</strong>, paste the <strong>Endpoint URL</strong> and that event&apos;s{" "}
          <strong>Secret key</strong>, and save. Any name will do.
        </li>
        <li>{ats.label} pings the URL when you save; the status above changes when the ping arrives.</li>
      </ol>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Endpoint URL (the same for every event)</p>
        <div className="mt-1 flex items-start gap-2">
          <code data-testid="webhook-url" className="block min-w-0 flex-1 break-all rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800">
            {live.webhookUrl}
          </code>
          {live.webhookUrl ? <CopyButton text={live.webhookUrl} what="the endpoint URL" /> : null}
        </div>
      </div>
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Events and secret keys</p>
        <p className="mt-1 text-sm text-slate-600">
          The first brings new applications in; the others keep stage changes and rejections made in {ats.label} in step here.
        </p>
        {setup ? (
          <ul className="mt-1 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="webhook-secrets">
            {setup.hooks.map((h, i) => (
              <li key={h.event} className="space-y-1 px-3 py-2" data-event={h.event}>
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                  {h.label}
                  {i === 0 ? <Badge tone="brand">Needed</Badge> : <Badge>Optional</Badge>}
                </p>
                <div className="flex items-start gap-2">
                  <code data-testid="webhook-secret" className="block min-w-0 flex-1 break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800">
                    {h.secret}
                  </code>
                  <CopyButton text={h.secret} what={`the secret key for ${h.label}`} />
                </div>
              </li>
            ))}
          </ul>
        ) : error ? null : (
          <p className="mt-1 text-sm text-slate-500">Loading…</p>
        )}
        <p className="mt-1 text-xs text-slate-500">Only admins of your organization can see these keys. Web hook setup on the {ats.label} card shows them again.</p>
      </div>
      <div className="flex justify-end">
        <Button type="button" onClick={onClose}>
          {tone === "receiving" ? "Done" : "I'll do it later"}
        </Button>
      </div>
    </div>
  );
}

export function SettingsDialog(props: {
  ats: AtsView;
  connectionId: string;
  initialOpen: boolean;
  isAdmin: boolean;
  settings: SettingsView;
  atsUsers: { id: string; name: string }[];
  atsUsersError?: string;
  status: ConnectionStatus;
}) {
  const { ats } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<"settings" | "webhook">("settings");
  const [state, action, pending] = useActionState(async (prev: Awaited<ReturnType<typeof applySettingsAction>> | null, form: FormData) => {
    const result = await applySettingsAction(prev, form);
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
    window.history.replaceState(null, "", `/settings/ats?ats=${encodeURIComponent(ats.name)}`);
  };
  const openWebhookStep = () => {
    setStep("webhook");
    dialog.current?.showModal();
  };

  const s = props.settings;
  const readOnly = !props.isAdmin;
  const manual = ats.webhookRegistration === "manual";
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => dialog.current?.showModal()}>
        Integration settings
      </Button>
      {manual && props.isAdmin && props.status.webhooksRegistered ? (
        <Button type="button" variant="secondary" onClick={openWebhookStep}>
          Web hook setup
        </Button>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby="ats-settings-title"
        onClose={() => setStep("settings")}
        className={`m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-1.5rem)] overflow-y-auto rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40 ${step === "webhook" && manual ? "max-w-2xl" : "max-w-lg"}`}
      >
        <div className="p-5 sm:p-6">
          {step === "webhook" ? (
            manual ? (
              <ManualWebhookStep ats={ats} connectionId={props.connectionId} status={props.status} onClose={close} />
            ) : (
              // Shown after Apply Changes succeeded, which registered the webhooks: the page's status
              // predates that, and "not registered" would flash until the first poll.
              <ApiWebhookStep ats={ats} status={{ ...props.status, webhooksRegistered: true }} onClose={close} />
            )
          ) : (
            <form action={action} className="space-y-4">
              <input type="hidden" name="connectionId" value={props.connectionId} />
              <div>
                <h2 id="ats-settings-title" className="text-lg font-semibold">{ats.label} integration settings</h2>
                <p className="mt-1 text-sm text-slate-500">
                  {readOnly ? "Only organization owners and admins can change these." : `Choose what the app imports and what it writes back to ${ats.label}.`}
                </p>
              </div>
              {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
              <div className="divide-y divide-slate-100 border-y border-slate-100">
                <Toggle
                  name="autoGenerateJobs"
                  label="Auto-generate jobs"
                  hint={`Create a job here the first time someone applies to a ${ats.label} job you have not imported. Importing jobs by hand gives you better control.`}
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
                <Toggle
                  name="postResults"
                  label={`Post results to ${ats.label}`}
                  hint={
                    s.formsAllowed !== null
                      ? `Write each screening result to the candidate in ${ats.label}, as the form or note chosen below; a re-screen replaces it.`
                      : `Add a note with the score and each criterion's verdict to the candidate in ${ats.label}.`
                  }
                  defaultChecked={s.postResults}
                  disabled={readOnly}
                />
                {s.formsAllowed !== null ? <ResultFormatChoice value={s.resultFormat} allowed={s.formsAllowed} disabled={readOnly} atsLabel={ats.label} /> : null}
                <Toggle
                  name="updateStages"
                  label={`Update stages in ${ats.label}`}
                  hint={`When you advance or reject a candidate here, make the same change in ${ats.label}.`}
                  defaultChecked={s.updateStages}
                  disabled={readOnly}
                />
              </div>
              {ats.actsAsUser ? (
                <div>
                  <label htmlFor="acting-user" className="text-sm font-medium text-slate-900">
                    Write to {ats.label} as
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
                  <p className="mt-1 text-xs text-slate-500">{props.atsUsersError ?? `Notes and stage changes appear in ${ats.label} as made by this user.`}</p>
                </div>
              ) : (
                <p className="text-sm text-slate-500">
                  {ats.label} shows notes and stage changes as made by the user who connected it, or by the service account if a {ats.adminRole} chose one when
                  connecting.
                </p>
              )}
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
