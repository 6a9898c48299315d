import { decode } from "html-entities";

/** HTML from an ATS (job descriptions, requirement lists) as plain text, for drafting and display. */
export function htmlToText(html: string): string {
  return decode(
    html
      .replace(/<\s*br\s*\/?>/gi, "\n")
      .replace(/<\/\s*(p|div|li|ul|ol|h\d)\s*>/gi, "\n")
      .replace(/<[^>]*>/g, " "),
  )
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

/** The `<li>` items of an HTML list, as plain text (or its lines when there are no `<li>`). */
export function listItems(html: string): string[] {
  const items = [...html.matchAll(/<li\b[^>]*>([\s\S]*?)(?=<\/li\s*>|<li\b|<\/[uo]l\s*>|$)/gi)].map((m) => htmlToText(m[1] ?? ""));
  const raw = items.length ? items : htmlToText(html).split("\n");
  return raw.map(clean).filter((s) => s.length >= 2);
}

/** An item without bullets, trailing punctuation or runs of spaces. */
export function clean(item: string): string {
  return item
    .replace(/\s+/g, " ")
    .replace(/^[\s•·▪◦*\-–—]+/, "")
    .replace(/[\s;,.]+$/, "")
    .trim();
}
