import { LeverClient } from "./client";
import { activeConnection } from "./connection";
import { leverStatus } from "./status";

/** Everything Settings → ATS shows about Lever, read for one organization. */
export async function leverCardData(organizationId: string) {
  const [connection, status] = await Promise.all([activeConnection(organizationId), leverStatus(organizationId)]);
  if (!connection) return { connection: null, status, settings: null, leverUsers: [] };

  let leverUsers: { id: string; name: string }[] = [];
  let leverUsersError: string | undefined;
  if (connection.status === "ACTIVE") {
    try {
      const users = await LeverClient.forConnection(connection.id).users();
      leverUsers = users.filter((u) => !u.deactivatedAt).map((u) => ({ id: u.id, name: u.name ?? u.email ?? u.id }));
    } catch {
      leverUsersError = "Lever's users could not be loaded just now; the current choice is kept.";
    }
  }
  if (connection.actingUserExternalId && !leverUsers.some((u) => u.id === connection.actingUserExternalId)) {
    leverUsers.unshift({ id: connection.actingUserExternalId, name: connection.actingUserName ?? "Current Lever user" });
  }
  const s = connection.settings;
  return {
    connection: {
      id: connection.id,
      environment: connection.environment,
      externalAccountId: connection.externalAccountId,
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
    },
    leverUsers,
    leverUsersError,
  };
}
