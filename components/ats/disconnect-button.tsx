"use client";

import { useActionState, useRef } from "react";
import { disconnectLeverAction } from "@/app/(app)/settings/ats/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function DisconnectButton({ connectionId }: { connectionId: string }) {
  const [state, action, pending] = useActionState(disconnectLeverAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
        Disconnect
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      <dialog ref={dialog} aria-labelledby="disconnect-title" className="m-auto w-full max-w-md rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={action} className="space-y-4 p-6">
          <input type="hidden" name="connectionId" value={connectionId} />
          <h2 id="disconnect-title" className="text-lg font-semibold">Disconnect Lever?</h2>
          <p className="text-sm text-slate-600">
            The app removes its webhooks from Lever and forgets its Lever sign-in. Imported jobs, candidates and results stay here.
          </p>
          <p className="text-sm text-slate-600">
            To revoke the app in Lever as well, a Lever Super Admin opens <strong>Settings → Integrations and API → Authorized Apps</strong> and removes it.
          </p>
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
