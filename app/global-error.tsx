"use client";

import "./globals.css";

/** Last resort when the root layout itself fails: a page of its own, with a way back. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900">
        <main className="mx-auto flex max-w-lg flex-col items-center px-4 py-24 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
          <p className="mt-3 text-sm text-slate-600">The app could not be shown. Try again in a moment.</p>
          <div className="mt-8 flex gap-3">
            <button type="button" onClick={reset} className="rounded-lg bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
              Try again
            </button>
            {/* A full page load on purpose: the root layout failed, so a fresh one is wanted. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/jobs" className="rounded-lg px-3.5 py-2 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-white">
              Go to Jobs
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
