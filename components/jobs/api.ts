/**
 * fetch for the app's JSON routes: the server's message on failure, never a stack. Every
 * state-changing request is sent as JSON (an empty object when there is nothing to say), because
 * the routes refuse other content types as a defence against cross-site posts.
 */
export async function api<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const sendsBody = method !== "GET" && method !== "HEAD";
  const res = await fetch(url, {
    method,
    headers: sendsBody ? { "content-type": "application/json" } : undefined,
    body: sendsBody ? JSON.stringify(init.body ?? {}) : undefined,
    cache: "no-store",
  });
  const json = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok) throw new Error(json?.error?.message ?? `Request failed (${res.status})`);
  return json as T;
}
