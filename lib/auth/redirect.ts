/**
 * Only same-site paths are followed after sign-in: "//evil.example" and "https://…" fall back home.
 */
export function safeRedirectPath(value: unknown, fallback = "/jobs"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, "http://x");
    return url.origin === "http://x" ? `${url.pathname}${url.search}` : fallback;
  } catch {
    return fallback;
  }
}
