/** An id kept out of the way of the name it belongs to: shown when asked for. */
export function IdOnDemand(props: { id: string }) {
  return (
    <details class="id-on-demand">
      <summary>id</summary>
      <code class="break">{props.id}</code>
    </details>
  );
}
