import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Screening", template: "%s · Screening" },
  description: "Candidate screening for teams that hire with Lever",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
