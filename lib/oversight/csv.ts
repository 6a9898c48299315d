/**
 * CSV cells an auditor can open in a spreadsheet safely: a text cell that a spreadsheet would read as
 * a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP's
 * advice against CSV injection), and any cell with a comma, quote or line break is quoted with its
 * quotes doubled (RFC 4180). Numbers, dates and booleans are written as they are.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (!(value instanceof Date) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(",")}\r\n`;
