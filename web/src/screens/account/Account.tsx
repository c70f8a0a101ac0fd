import type { Me } from "../../api";
import { Alert } from "../../components/ui";
import type { TenantScope } from "../../tenancy";
import { DeleteAccountSection } from "./DeleteAccountSection";
import { DoctorSection } from "./DoctorSection";
import { OwnershipOffers } from "./OwnershipOffers";
import { EmailSection } from "./EmailSection";
import { OtherDeviceSection } from "./OtherDeviceSection";
import { LoginHistorySection } from "./LoginHistorySection";
import { PasskeysSection } from "./PasskeysSection";
import { SecurityLogSection } from "./SecurityLogSection";
import { LoginSessionsSection } from "./LoginSessionsSection";
import { TenantsSection } from "./TenantsSection";

/** The signed-in person's own security (passkeys, sessions, history) and their tenants. */
export function Account(props: {
  me: Me;
  notice: string | null;
  tenant: TenantScope | null;
  tenants: readonly TenantScope[];
  onSwitchTenant: (tenantId: string) => void;
  refreshMe: () => Promise<Me>;
  onSignedOut: (notice: string) => void;
}) {
  return (
    <main class="screen" aria-labelledby="account-title">
      <header class="page-head">
        <h1 id="account-title">Your account</h1>
        <p class="muted break">{props.me.user.email}</p>
      </header>
      <Alert message={props.notice} tone="info" />
      <OwnershipOffers refreshMe={props.refreshMe} />
      <EmailSection email={props.me.user.email} refreshMe={props.refreshMe} />
      <PasskeysSection email={props.me.user.email} />
      <OtherDeviceSection />
      <LoginSessionsSection onSignedOut={props.onSignedOut} />
      <LoginHistorySection />
      <SecurityLogSection />
      <TenantsSection
        tenant={props.tenant}
        tenants={props.tenants}
        onSwitch={props.onSwitchTenant}
        refreshMe={props.refreshMe}
      />
      {/* The server's configuration is for the people who run a tenant. */}
      {props.tenant && (props.tenant.role === "owner" || props.tenant.role === "admin") ? (
        <DoctorSection />
      ) : null}
      <DeleteAccountSection email={props.me.user.email} onDeleted={props.onSignedOut} />
    </main>
  );
}
