/** Response helpers and a tiny router shared by the OAuth, API and control modules. */

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** Lever's error shape for /v1: `{code, message}`. */
export function apiError(status: number, code: string, message: string, headers?: Record<string, string>): Response {
  return json(status, { code, message }, headers);
}

/** OAuth error shape for /oauth/token: `{error, error_description}`. */
export function oauthError(status: number, error: string, description: string): Response {
  return json(status, { error, error_description: description });
}

export function html(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // The consent page must not be framed (clickjacking), like a real authorization server.
      "x-frame-options": "DENY",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action *; frame-ancestors 'none'",
    },
  });
}

export function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location, "cache-control": "no-store" } });
}

export const noContent = () => new Response(null, { status: 204 });

/** Thrown by helpers deep in a handler to answer early with a ready response. */
export class HttpError extends Error {
  constructor(public readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

export const fail = (status: number, code: string, message: string): never => {
  throw new HttpError(apiError(status, code, message));
};

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Parse a JSON object body; an empty body is `{}`. Anything else is a 400 in Lever's shape. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(400, "BAD_REQUEST", "Request body must be valid JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return fail(400, "BAD_REQUEST", "Request body must be a JSON object");
  return value as Record<string, unknown>;
}

/** Form-encoded or JSON body as a flat string map (OAuth endpoints accept both). */
export async function readParams(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get("content-type") ?? "";
  const text = await request.text();
  if (type.includes("application/json")) {
    try {
      const value = JSON.parse(text) as unknown;
      if (value && typeof value === "object" && !Array.isArray(value)) {
        return Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined && v !== null)
            .map(([k, v]) => [k, String(v)]),
        );
      }
    } catch {
      /* fall through: treated as empty */
    }
    return {};
  }
  return Object.fromEntries(new URLSearchParams(text));
}

// ---------------------------------------------------------------------------------------------------
// Router

/** Path parameters used by the routes (missing ones are ""). */
export type Params = { id: string; rid: string; fid: string; noteId: string; formId: string };
export type Handler<C> = (c: C, params: Params) => Promise<Response> | Response;

export interface Route<C> {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  handler: Handler<C>;
}

export function route<C>(method: string, pattern: string, handler: Handler<C>): Route<C> {
  const keys: string[] = [];
  const source = pattern
    .split("/")
    .map((part) => {
      if (part.startsWith(":")) {
        keys.push(part.slice(1));
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { method, pattern, regex: new RegExp(`^${source}$`), keys, handler };
}

export type Match<C> = { route: Route<C>; params: Params } | { methodNotAllowed: string[] } | null;

export function matchRoute<C>(routes: Route<C>[], method: string, path: string): Match<C> {
  const allowed: string[] = [];
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (!m) continue;
    if (r.method !== method) {
      allowed.push(r.method);
      continue;
    }
    const params: Params = { id: "", rid: "", fid: "", noteId: "", formId: "" };
    r.keys.forEach((k, i) => {
      (params as Record<string, string>)[k] = decodeURIComponent(m[i + 1] ?? "");
    });
    return { route: r, params };
  }
  return allowed.length ? { methodNotAllowed: allowed } : null;
}
