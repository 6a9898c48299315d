"use client";

import { useActionState, useRef } from "react";
import { disconnectAction } from "@/app/(app)/settings/ats/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AtsView } from "./settings-dialog";

export function DisconnectButton({ connectionId, ats, authorizedAppsPlace }: { connectionId: string; ats: AtsView; authorizedAppsPlace: string | null }) {
  const [state, action, pending] = useActionState(disconnectAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const manual = ats.webhookRegistration === "manual";
  return (
    <>
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
        Disconnect
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      <dialog ref={dialog} aria-labelledby="disconnect-title" className="m-auto w-[calc(100%-1.5rem)] max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={action} className="space-y-4 p-6">
          <input type="hidden" name="connectionId" value={connectionId} />
          <h2 id="disconnect-title" className="text-lg font-semibold">Disconnect {ats.label}?</h2>
          <p className="text-sm text-slate-600">
            {manual
              ? `The app forgets its ${ats.label} sign-in and its web hook secrets, and refuses ${ats.label}'s deliveries from then on. Imported jobs, candidates and results stay here.`
              : `The app removes its webhooks from ${ats.label} and forgets its ${ats.label} sign-in. Imported jobs, candidates and results stay here.`}
          </p>
          {manual ? (
            <p className="text-sm text-slate-600">
              The web hooks were created by hand, so delete them in {ats.label} as well: <strong>{ats.webhooksPlace}</strong>.
            </p>
          ) : null}
          {authorizedAppsPlace ? (
            <p className="text-sm text-slate-600">
              To revoke the app in {ats.label} as well, a {ats.label} {ats.adminRole} opens <strong>{authorizedAppsPlace}</strong> and removes it.
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Disconnecting…" : "Disconnect"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
