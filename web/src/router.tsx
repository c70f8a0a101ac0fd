import type { Child } from "hono/jsx";
import { useEffect, useState } from "hono/jsx/dom";

const CHANGE = "gatehouse:navigate";

const here = () => location.pathname + location.search;

export function navigate(path: string): void {
  if (path === here()) return;
  history.pushState(null, "", path);
  window.dispatchEvent(new Event(CHANGE));
}

/** Replaces the current address (an old link's new form) without adding to the history. */
export function redirect(path: string): void {
  if (path === here()) return;
  history.replaceState(null, "", path);
  window.dispatchEvent(new Event(CHANGE));
}

/** The current path and query; re-renders on back/forward, `navigate` and `redirect`. */
export function usePath(): string {
  const [path, setPath] = useState(here());
  useEffect(() => {
    const update = () => setPath(here());
    window.addEventListener("popstate", update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return path;
}

/** An in-app link: a real href (open in new tab works) that navigates without a reload. */
export function Link(props: { href: string; class?: string; current?: boolean; children: Child }) {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props.current ? "page" : undefined}
      onClick={(e: MouseEvent) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
