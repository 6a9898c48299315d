import { badRequest } from "@/lib/errors";
import { readBodyWithLimit } from "@/lib/http/body";

/** A small JSON body; anything else is a 400 that says what was wrong. */
export async function readJson(req: Request, limit = 16 * 1024): Promise<unknown> {
  const raw = await readBodyWithLimit(req, limit);
  if (raw === null) throw badRequest("The request body is too large");
  if (!raw.trim()) return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest("The request body must be JSON");
  }
}
