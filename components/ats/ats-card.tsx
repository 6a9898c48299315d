import { Alert, Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ConnectionStatus } from "@/lib/connections/status";
import { DisconnectButton } from "./disconnect-button";
import { SettingsDialog, type AtsView, type SettingsView } from "./settings-dialog";
import { WebhookStatusLine } from "./webhook-status";

/**
 * Starting the OAuth round trip records state, so it is a same-origin POST (a link would let any
 * site start it with a plain GET).
 */
function ConnectForm({ provider, label, className }: { provider: string; label: string; className?: string }) {
  return (
    <form method="post" action={`/api/integrations/${provider}/connect`} className={className}>
      <button type="submit" className={buttonClass("primary")}>
        {label}
      </button>
    </form>
  );
}

export interface AtsCardProps {
  ats: AtsView & { permissions: readonly string[]; signIn: string; authorizedAppsPlace: string | null };
  isAdmin: boolean;
  error?: string;
  openSettings: boolean;
  /** Set after a disconnect: "webhooks" when webhooks are left in the ATS for an admin to delete there. */
  disconnected?: string;
  /** The organization's live connection, to this ATS or to another one. */
  connection: {
    id: string;
    provider: string;
    providerLabel: string;
    environment: string;
    externalAccountId: string;
    connectedBy: string | null;
    connectedAt: Date;
    statusReason: string | null;
  } | null;
  status: ConnectionStatus;
  settings: SettingsView | null;
  atsUsers: { id: string; name: string }[];
  atsUsersError?: string;
}

const ENV_LABEL: Record<string, string> = { SIMULATOR: "Simulator", SANDBOX: "Sandbox", PRODUCTION: "Production" };

function Permissions({ items }: { items: readonly string[] }) {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">The app will be allowed to</h3>
      <ul className="mt-2 space-y-1 text-sm text-slate-600">
        {items.map((p) => (
          <li key={p} className="flex gap-2">
            <span aria-hidden className="text-emerald-600">✓</span>
            {p}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * An organization is connected to one ATS at a time (one live connection; connecting a second is
 * refused). This says so on the other ATS's card, and what becomes of the first one's jobs.
 */
function ConnectedElsewhere({ ats, other, isAdmin }: { ats: AtsView; other: { provider: string; label: string }; isAdmin: boolean }) {
  return (
    <Alert tone="info" title={`Your organization is connected to ${other.label}`}>
      <p>
        An organization works with one ATS at a time. To switch to {ats.label}, {isAdmin ? "" : "an admin of your organization must "}disconnect {other.label}{" "}
        first (<a className="font-medium underline" href={`/settings/ats?ats=${other.provider}`}>Settings → ATS → {other.label}</a>), then connect {ats.label} here.
      </p>
      <p className="mt-2">
        Jobs, candidates and screening results imported from {other.label} stay here, marked {other.label}, but they are no longer updated from {other.label}, and
        nothing about them is written to {other.label} or {ats.label}. Jobs from {ats.label} are imported next to them.
      </p>
    </Alert>
  );
}

export function AtsCard({ ats, isAdmin, error, openSettings, disconnected, connection: orgConnection, status, settings, atsUsers, atsUsersError }: AtsCardProps) {
  const other = orgConnection && orgConnection.provider !== ats.name ? { provider: orgConnection.provider, label: orgConnection.providerLabel } : null;
  const connection = other ? null : orgConnection;
  const needsReconnect = connection !== null && status.status === "NEEDS_RECONNECT";
  const badge = !connection ? (
    <Badge>Not connected</Badge>
  ) : needsReconnect ? (
    <Badge tone="amber">Needs reconnect</Badge>
  ) : (
    <Badge tone="green">Connected</Badge>
  );
  const manual = ats.webhookRegistration === "manual";
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            {ats.label} <span data-testid={`${ats.name}-connection-status`}>{badge}</span>
          </span>
        }
        description={
          other
            ? `Not available while your organization is connected to ${other.label}.`
            : connection
              ? `Your organization is connected to ${ats.label}: jobs and applicants come from this ${ats.label} account; screening results and stage changes go back to it.`
              : `Connect your ${ats.label} account to import jobs and applicants and send screening results back.`
        }
        actions={isAdmin && !orgConnection ? <ConnectForm provider={ats.name} label={`Connect ${ats.label}`} /> : null}
      />
      <CardBody className="space-y-5">
        {error ? <Alert tone="error" title={`${ats.label} was not connected`}>{error}</Alert> : null}
        {disconnected && !orgConnection ? (
          <Alert tone={disconnected === "webhooks" ? "warning" : "success"} title={`${ats.label} is disconnected`}>
            {disconnected === "webhooks" ? (
              <p>
                Delete the app&apos;s web hooks in {ats.label} too (<strong>{ats.webhooksPlace}</strong>): the app now refuses their deliveries, and {ats.label} keeps
                retrying them.
              </p>
            ) : (
              <p>Imported jobs, candidates and results stay here.</p>
            )}
          </Alert>
        ) : null}
        {other ? <ConnectedElsewhere ats={ats} other={other} isAdmin={isAdmin} /> : null}
        {needsReconnect ? (
          <Alert tone="warning" title={`${ats.label} needs to be reconnected`}>
            <p>{connection?.statusReason ?? `${ats.label} no longer accepts the app's sign-in.`} Until then nothing is imported or written to {ats.label}.</p>
            {isAdmin ? (
              <ConnectForm provider={ats.name} label={`Reconnect ${ats.label}`} className="mt-3" />
            ) : (
              <p className="mt-1">Ask an organization admin to reconnect it.</p>
            )}
          </Alert>
        ) : null}
        {connection ? (
          <>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">{ats.label} account</dt>
                <dd className="font-medium break-words text-slate-900">
                  {connection.externalAccountId} <span className="font-normal text-slate-500">({ENV_LABEL[connection.environment] ?? connection.environment})</span>
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Connected</dt>
                <dd className="font-medium text-slate-900">
                  {connection.connectedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  {connection.connectedBy ? <span className="font-normal text-slate-500"> by {connection.connectedBy}</span> : null}
                </dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="text-slate-500">{manual ? "Web hooks" : "Webhook"}</dt>
                <dd>
                  <WebhookStatusLine provider={ats.name} label={ats.label} initial={status} />
                </dd>
              </div>
            </dl>
            <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
              {settings ? (
                <SettingsDialog
                  ats={ats}
                  connectionId={connection.id}
                  initialOpen={openSettings}
                  isAdmin={isAdmin && !needsReconnect}
                  settings={settings}
                  atsUsers={atsUsers}
                  atsUsersError={atsUsersError}
                  status={status}
                />
              ) : null}
              {isAdmin ? <DisconnectButton connectionId={connection.id} ats={ats} authorizedAppsPlace={ats.authorizedAppsPlace} /> : null}
            </div>
            {isAdmin ? null : <p className="text-sm text-slate-500">Only organization owners and admins can change the integration.</p>}
          </>
        ) : other ? null : (
          <>
            <Permissions items={ats.permissions} />
            {isAdmin ? (
              <p className="text-sm text-slate-500">
                {ats.signIn}
                {manual ? ` After connecting, a ${ats.label} admin creates the app's web hooks by hand; the app shows what to enter.` : ""}
              </p>
            ) : (
              <Alert tone="info">Only organization owners and admins can connect {ats.label}. Ask an admin of your organization.</Alert>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}
