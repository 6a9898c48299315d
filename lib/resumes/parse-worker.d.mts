// Types for the parts of the résumé parser worker that tests call directly.
export class Refused extends Error {
  constructor(reason: "too_large" | "invalid", message: string);
  readonly reason: "too_large" | "invalid";
}
export function readZipDirectory(
  bytes: Uint8Array,
  maxInflatedBytes: number,
): Map<string, { method: number; flags: number; compressedSize: number; size: number; localOffset: number }>;
export function checkPdfStreams(bytes: Uint8Array, maxInflatedBytes: number): void;
