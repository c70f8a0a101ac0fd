export type NavIcon = "approvals" | "runs" | "policies" | "vault" | "more";

/** Tab bar icons: simple strokes that read at 24 px. */
const PATHS: Readonly<Record<NavIcon, string>> = {
  approvals: "M9 12.5l2 2 4-4.5M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z",
  runs: "M5 6h14M5 12h14M5 18h9M18 16l3 2-3 2Z",
  policies: "M12 3 5 6v5c0 4.4 3 8.3 7 9.5 4-1.2 7-5.1 7-9.5V6l-7-3ZM9 11.5h6M9 15h4",
  vault: "M7 10V8a5 5 0 0 1 10 0v2M5.5 10h13v10h-13ZM12 14v2.5",
  more: "M5 12h.01M12 12h.01M19 12h.01",
};

export function Icon(props: { name: NavIcon }) {
  return (
    <svg
      class={`icon icon-${props.name}`}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      stroke-width={props.name === "more" ? "3" : "1.8"}
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[props.name]} />
    </svg>
  );
}
