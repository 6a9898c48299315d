"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/auth/guard";

/** A form's result with what was typed into the fields it keeps. */
export type FormState<T = undefined> = (ActionResult<T> & { values: Record<string, string> }) | null;

/**
 * useActionState for a server action whose form must not lose what was typed. React resets a form
 * after its action; the fields named in `keep` get their submitted values back as their
 * `defaultValue` when the action fails (passwords are never kept). The values stay in the browser:
 * they are taken from the submitted FormData here, not sent back by the server.
 */
export function useFormAction<T = undefined>(
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
  keep: readonly string[],
  options: { focusOnError?: string } = {},
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<FormState<T>, FormData>(async (prev, form) => {
    const values: Record<string, string> = {};
    for (const name of keep) {
      const value = form.get(name);
      if (typeof value === "string") values[name] = value;
    }
    const result = await action(null, form);
    // A redirect (signed in, created) navigates away and may settle with nothing: keep the form as it is.
    if (!result || typeof result !== "object") return prev;
    return { ...result, values: result.ok ? {} : values };
  }, null);
  // After a failure, focus goes to the first field the server named (screen readers then read its
  // message), else to the field to retype (the password after a wrong one).
  const focusOnError = options.focusOnError;
  useEffect(() => {
    if (!state || state.ok) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? (focusOnError ? form?.querySelector<HTMLElement>(`[name="${focusOnError}"]`) : null);
    target?.focus();
  }, [state, focusOnError]);
  return [state, formAction, pending, formRef] as const;
}

/** The state's message for one field, if the server named that field. */
export function fieldError<T>(state: FormState<T>, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

/** The message for the form's top alert: the server's summary, which names each field's problem. */
export function formError<T>(state: FormState<T>): string | null {
  return state && !state.ok ? state.error : null;
}
