import { notFound } from "@/lib/errors";
import type { AtsProvider, ProviderColumn, ProviderName } from "../provider";
import { greenhouse } from "../providers/greenhouse";
import { lever } from "../providers/lever";

/**
 * The ATSs the product connects, by name. Adding one means adding its folder under providers/ and a
 * line here; nothing else in the core names a provider.
 */
const PROVIDERS: Readonly<Record<ProviderName, AtsProvider>> = { lever, greenhouse };

export const providers = (): AtsProvider[] => Object.values(PROVIDERS);

/** The provider stored on a row (`AtsConnection.provider`, `Job.provider`, …). */
export function providerFor(column: ProviderColumn): AtsProvider {
  const found = providers().find((p) => p.column === column);
  if (!found) throw new Error(`No provider is registered for ${column}`);
  return found;
}

/** The provider named in a URL (`/api/webhooks/lever/…`); an unknown name is a 404, never a 500. */
export function providerNamed(name: string): AtsProvider {
  const found = Object.hasOwn(PROVIDERS, name) ? PROVIDERS[name as ProviderName] : undefined;
  if (!found) throw notFound("Unknown ATS");
  return found;
}
