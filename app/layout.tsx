import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Screening", template: "%s · Screening" },
  description: "Candidate screening for teams that hire with Lever",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: a prerendered page would carry scripts without this response's
  // CSP nonce (proxy.ts), and the browser would refuse to run them.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
