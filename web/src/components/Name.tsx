import { letterScripts } from "../../../core/text";

/**
 * A name someone chose (tenant, token, passkey, agent), with a small visible marker when its
 * letters come from several scripts: "Аcme" with a Cyrillic А looks like "Acme" but is not.
 */
export function Name(props: { text: string; class?: string }) {
  const scripts = letterScripts(props.text);
  return (
    <span class={`break ${props.class ?? ""}`.trim()}>
      {props.text}
      {scripts.length > 1 ? (
        <span
          class="mixed-script"
          role="note"
          title={`This name mixes ${scripts.join(" and ")} letters: it may imitate another name.`}
        >
          {" "}
          ⚠ mixed scripts
        </span>
      ) : null}
    </span>
  );
}
