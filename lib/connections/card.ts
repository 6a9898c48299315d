import { providerFor } from "@/lib/ats/registry";
import { currentConnection } from "./lookup";
import { connectionStatus } from "./status";

/** Everything Settings → ATS shows about the organization's connection, read for one organization. */
export async function connectionCardData(organizationId: string) {
  const [connection, status] = await Promise.all([currentConnection(organizationId), connectionStatus(organizationId)]);
  if (!connection) return { connection: null, status, settings: null, atsUsers: [] };
  const provider = providerFor(connection.provider);

  let atsUsers: { id: string; name: string }[] = [];
  let atsUsersError: string | undefined;
  if (connection.status === "ACTIVE" && provider.capabilities.actsAsUser) {
    try {
      const users = await provider.session(connection).users();
      atsUsers = users.filter((u) => u.active).map((u) => ({ id: u.externalId, name: u.name }));
    } catch {
      atsUsersError = `${provider.label}'s users could not be loaded just now; the current choice is kept.`;
    }
  }
  if (connection.actingUserExternalId && !atsUsers.some((u) => u.id === connection.actingUserExternalId)) {
    atsUsers.unshift({ id: connection.actingUserExternalId, name: connection.actingUserName ?? `Current ${provider.label} user` });
  }
  const s = connection.settings;
  const forms = provider.capabilities.resultForms;
  return {
    connection: {
      id: connection.id,
      provider: provider.name,
      providerLabel: provider.label,
      environment: connection.environment,
      externalAccountId: connection.externalAccountId,
      accountName: connection.accountName,
      connectedBy: connection.connectedBy?.name ?? connection.connectedBy?.email ?? null,
      connectedAt: connection.connectedAt,
      statusReason: connection.statusReason,
    },
    status,
    settings: {
      autoGenerateJobs: s?.autoGenerateJobs ?? false,
      autoImportCandidates: s?.autoImportCandidates ?? true,
      postResults: s?.postResults ?? true,
      updateStages: s?.updateStages ?? true,
      actingUserExternalId: connection.actingUserExternalId,
      appliedAt: s?.appliedAt?.toISOString() ?? null,
      resultFormat: s?.resultFormat === "FORM" ? ("form" as const) : ("note" as const),
      // null: the ATS has no forms; false: the connection predates the forms permission (reconnect to grant it).
      formsAllowed: forms ? connection.scopes.includes(forms.formsScope) : null,
    },
    atsUsers,
    atsUsersError,
  };
}
