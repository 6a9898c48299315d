import { Alert, Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LEVER_PERMISSIONS } from "@/lib/ats/catalog";
import type { ConnectionStatus } from "@/lib/connections/status";
import { DisconnectButton } from "./disconnect-button";
import { LeverSettingsDialog, type LeverSettingsView } from "./lever-settings-dialog";
import { WebhookStatusLine } from "./webhook-status";
import { TimeAgo } from "@/components/ui/time-ago";

/**
 * Starting the OAuth round trip records state, so it is a same-origin POST (a link would let any
 * site start it with a plain GET).
 */
function ConnectLeverForm({ label, className }: { label: string; className?: string }) {
  return (
    <form method="post" action="/api/integrations/lever/connect" className={className}>
      <button type="submit" className={buttonClass("primary")}>
        {label}
      </button>
    </form>
  );
}

export interface LeverCardProps {
  isAdmin: boolean;
  error?: string;
  openSettings: boolean;
  connection: {
    id: string;
    environment: string;
    externalAccountId: string;
    connectedBy: string | null;
    connectedAt: Date;
    statusReason: string | null;
  } | null;
  status: ConnectionStatus;
  settings: LeverSettingsView | null;
  atsUsers: { id: string; name: string }[];
  atsUsersError?: string;
}

const ENV_LABEL: Record<string, string> = { SIMULATOR: "Simulator", SANDBOX: "Sandbox", PRODUCTION: "Production" };
const LEVER_WEBHOOKS: Record<string, string> = { SANDBOX: "https://hire.sandbox.lever.co/settings/integrations", PRODUCTION: "https://hire.lever.co/settings/integrations" };

function Permissions() {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">The app will be allowed to</h3>
      <ul className="mt-2 space-y-1 text-sm text-slate-600">
        {LEVER_PERMISSIONS.map((p) => (
          <li key={p} className="flex gap-2">
            <span aria-hidden className="text-emerald-600">✓</span>
            {p}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function LeverCard({ isAdmin, error, openSettings, connection, status, settings, atsUsers, atsUsersError }: LeverCardProps) {
  const actingAs = atsUsers.find((u) => u.id === settings?.actingUserExternalId)?.name;
  const needsReconnect = status.status === "NEEDS_RECONNECT";
  const badge = !connection ? (
    <Badge>Not connected</Badge>
  ) : needsReconnect ? (
    <Badge tone="amber">Needs reconnect</Badge>
  ) : (
    <Badge tone="green">Connected</Badge>
  );
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            Lever <span data-testid="lever-connection-status">{badge}</span>
          </span>
        }
        description={
          connection
            ? "Jobs and applicants come from this Lever account; screening results and stage changes go back to it."
            : "Connect your Lever account to import jobs and applicants and send screening results back."
        }
        actions={
          isAdmin && !connection ? (
            <ConnectLeverForm label="Connect Lever" />
          ) : null
        }
      />
      <CardBody className="space-y-5">
        {error ? <Alert tone="error" title="Lever was not connected">{error}</Alert> : null}
        {needsReconnect ? (
          <Alert tone="warning" title="Lever needs to be reconnected">
            <p>{connection?.statusReason ?? "Lever no longer accepts the app's sign-in."} Until then nothing is imported or written to Lever.</p>
            {isAdmin ? (
              <ConnectLeverForm label="Reconnect Lever" className="mt-3" />
            ) : (
              <p className="mt-1">Ask an organization admin to reconnect it.</p>
            )}
          </Alert>
        ) : null}
        {connection ? (
          <>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">Lever account</dt>
                {/* Lever has no account name to read; its id is for support, on hover. */}
                <dd className="font-medium text-slate-900" title={`Lever account id ${connection.externalAccountId}`} data-testid="lever-account">
                  {ENV_LABEL[connection.environment] ?? connection.environment}
                  {actingAs ? <span className="font-normal text-slate-500"> · notes and stage changes by {actingAs}</span> : null}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Connected</dt>
                <dd className="font-medium text-slate-900">
                  <TimeAgo date={connection.connectedAt} />
                  {connection.connectedBy ? <span className="font-normal text-slate-500"> by {connection.connectedBy}</span> : null}
                </dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="text-slate-500">Webhook</dt>
                <dd>
                  <WebhookStatusLine initial={status} />
                </dd>
              </div>
            </dl>
            <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
              {settings ? (
                <LeverSettingsDialog
                  connectionId={connection.id}
                  initialOpen={openSettings}
                  isAdmin={isAdmin && !needsReconnect}
                  settings={settings}
                  atsUsers={atsUsers}
                  atsUsersError={atsUsersError}
                  status={status}
                  leverWebhooksUrl={LEVER_WEBHOOKS[connection.environment] ?? null}
                />
              ) : null}
              {isAdmin ? <DisconnectButton connectionId={connection.id} /> : null}
            </div>
            {isAdmin ? null : <p className="text-sm text-slate-500">Only organization owners and admins can change the integration.</p>}
          </>
        ) : (
          <>
            <Permissions />
            {isAdmin ? (
              <p className="text-sm text-slate-500">You will sign in to Lever as a Super Admin and accept these permissions for your whole Lever account.</p>
            ) : (
              <Alert tone="info">Only organization owners and admins can connect Lever. Ask an admin of your organization.</Alert>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
