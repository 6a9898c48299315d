import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The embedded database's files sit beside the key that decrypts the OAuth tokens in them, so only
 * the server's own user may read or write them: directories 700, files 600. Containers often run
 * with umask 000, and PGlite itself gives the files it initialises mode 666: the review found 969 of
 * 1,234 world-writable. The process's umask is set to 077 so files created later are private, and
 * what exists is tightened at start (before and after PGlite opens the directory).
 */

export class DataDirError extends Error {
  override readonly name = "DataDirError";
}

const OTHERS = 0o077;

/**
 * Makes `dir` (created if missing) and everything under it private to this user. Returns how many
 * entries had to be tightened; refuses to continue (throws) when some cannot be, since the server
 * would then keep secrets where other users can read or change them.
 */
export function restrictToOwner(dir: string): { tightened: number } {
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let tightened = 0;
  const refused: string[] = [];
  const visit = (entry: string) => {
    const stat = lstatSync(entry);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & OTHERS) {
      try {
        chmodSync(entry, stat.isDirectory() ? 0o700 : 0o600);
        tightened++;
      } catch {
        refused.push(entry);
      }
    }
    if (stat.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(path.resolve(dir));
  if (refused.length) {
    throw new DataDirError(
      `The data directory ${dir} has ${refused.length} file(s) other users can read or write that this user cannot fix ` +
        `(first: ${refused[0]}). Give them to this user and run: chmod -R go-rwx ${dir}`,
    );
  }
  return { tightened };
}
