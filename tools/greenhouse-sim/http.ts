/** Response helpers and a tiny router shared by the OAuth, Harvest, admin and control modules. */

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** Harvest's plain error shape: `{message}`. */
export function apiError(status: number, message: string, headers?: Record<string, string>): Response {
  return json(status, { message }, headers);
}

/** Harvest's validation shape (422): `{message: "Validation error", errors: [{message, field}]}`. */
export function validationError(errors: Array<{ message: string; field: string }>): Response {
  return json(422, { message: "Validation error", errors });
}

/** OAuth error shape for /token: `{error, error_description}` (RFC 6749 §5.2). */
export function oauthError(status: number, error: string, description: string): Response {
  return json(status, { error, error_description: description });
}

export function html(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // The consent and admin pages must not be framed (clickjacking), like the real ones.
      "x-frame-options": "DENY",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action *; frame-ancestors 'none'",
    },
  });
}

export function redirect(location: string, status = 302): Response {
  return new Response(null, { status, headers: { location, "cache-control": "no-store" } });
}

export const noContent = () => new Response(null, { status: 204 });

/** Thrown by helpers deep in a handler to answer early with a ready response. */
export class HttpError extends Error {
  constructor(public readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

export const fail = (status: number, message: string): never => {
  throw new HttpError(apiError(status, message));
};

export const failValidation = (field: string, message: string): never => {
  throw new HttpError(validationError([{ field, message }]));
};

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** A JSON object body; an empty body is `{}`. Anything else is a 400 with a plain message. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(400, "Request body must be valid JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return fail(400, "Request body must be a JSON object");
  return value as Record<string, unknown>;
}

export async function readForm(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text());
}

// ---------------------------------------------------------------------------------------------------
// Router

/** Path parameters; the routes here only use `id` ("" when absent). */
export type Params = { id: string; [key: string]: string };
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
    const params: Params = { id: "" };
    r.keys.forEach((k, i) => {
      params[k] = decodeURIComponent(m[i + 1] ?? "");
    });
    return { route: r, params };
  }
  return allowed.length ? { methodNotAllowed: allowed } : null;
}
