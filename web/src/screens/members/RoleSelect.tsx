import type { Role } from "../../../../core/permissions";
import { ROLE_LABELS } from "../../labels";

/** A role picker limited to the roles the signed-in person may hand out. */
export function RoleSelect(props: {
  id: string;
  label: string;
  roles: readonly Role[];
  value: Role;
  onChange: (role: Role) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          const role = props.roles.find((r) => r === value);
          if (role) props.onChange(role);
        }}
      >
        {props.roles.map((r) => (
          <option key={r} value={r} selected={r === props.value}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
    </div>
  );
}
