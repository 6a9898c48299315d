"use client";

import { useState } from "react";

/** An invitation link with a Copy button: the link is shown once, so copying it must be easy. */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="mt-1 flex flex-wrap items-center gap-2">
      <code className="min-w-0 break-all rounded bg-white/70 px-1">{url}</code>
      <button
        type="button"
        aria-label={copied ? `Copied the ${label}` : `Copy the ${label}`}
        onClick={() =>
          void navigator.clipboard.writeText(url).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="rounded-md bg-white px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
      >
        {copied ? "Copied" : "Copy link"}
      </button>
    </span>
  );
}
