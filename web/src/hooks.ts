import { useCallback, useEffect, useRef, useState } from "hono/jsx/dom";

/**
 * Whether the component is still on screen. hono/jsx/dom applies a state update to a component
 * even after it was removed, putting its old DOM back (a screen left behind below the next one),
 * so state set after an await must be dropped once the component is gone.
 */
export function useMounted(): { readonly current: boolean } {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}

export type Resource<T> =
  { state: "loading" } | { state: "error"; error: unknown } | { state: "ready"; data: T };

/** Loads `load()` on mount; `reload()` fetches again while keeping the last data on screen. */
export function useResource<T>(load: () => Promise<T>): [Resource<T>, () => Promise<void>] {
  const [resource, setResource] = useState<Resource<T>>({ state: "loading" });
  const mounted = useMounted();
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(async () => {
    let next: Resource<T>;
    try {
      next = { state: "ready", data: await loader.current() };
    } catch (error) {
      next = { state: "error", error };
    }
    if (mounted.current) setResource(next);
  }, []);
  useEffect(() => {
    void reload();
  }, []);
  return [resource, reload];
}

/** A page of a cursor-paged list. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/**
 * A cursor-paged list: `load(null)` gives the first page, on mount (`first`); `loadMore()`
 * appends the page after the cursor; `refresh()` starts again from the first.
 */
export function usePages<T>(load: (cursor: string | null) => Promise<Page<T>>) {
  const [first, reload] = useResource(() => load(null));
  const [more, setMore] = useState<{ items: T[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const items = first.state === "ready" ? [...first.data.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.cursor : first.state === "ready" ? first.data.next_cursor : null;

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await load(cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.next_cursor });
    } catch (e) {
      setError(e);
    }
    setLoadingMore(false);
  };
  const refresh = async () => {
    setMore(null);
    await reload();
  };
  return { first, reload, refresh, items, cursor, loadMore, loadingMore, error };
}

/** Whole seconds left until `until` (epoch ms), ticking once a second; 0 when passed. */
export function useSecondsLeft(until: number): number {
  const left = () => Math.max(0, Math.ceil((until - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (left() === 0) return;
    const timer = setInterval(() => {
      const next = left();
      setSeconds(next);
      if (next === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  return seconds;
}

/** Calls `refresh` every `ms` while the page is visible (and once on returning to it). */
export function useAutoRefresh(refresh: () => Promise<void>, ms: number, enabled = true): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined) timer = setInterval(() => void latest.current(), ms);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        void latest.current();
        start();
      } else stop();
    };
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [ms, enabled]);
}

/** One action at a time: which one is busy, and the last failure. */
export function useAction<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mounted = useMounted();
  const run = async (key: K, action: () => Promise<void>): Promise<boolean> => {
    setBusy(key);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      if (mounted.current) setError(e);
      return false;
    } finally {
      // The action may have navigated away (the screen is gone).
      if (mounted.current) setBusy(null);
    }
  };
  return { busy, error, setError, run };
}

/**
 * `useResource` that also reloads every `ms` while the page is visible (and `active`). A failed
 * refresh keeps the last data on screen and reports the failure separately (`staleError`).
 */
export function usePolledResource<T>(
  load: () => Promise<T>,
  ms: number,
  active = true,
): [Resource<T>, () => Promise<void>, unknown] {
  const [resource, setResource] = useState<Resource<T>>({ state: "loading" });
  const [staleError, setStaleError] = useState<unknown>(null);
  const mounted = useMounted();
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(async () => {
    try {
      const data = await loader.current();
      if (!mounted.current) return;
      setResource({ state: "ready", data });
      setStaleError(null);
    } catch (error) {
      if (!mounted.current) return;
      setResource((r) => (r.state === "ready" ? r : { state: "error", error }));
      setStaleError(error);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, []);
  useAutoRefresh(reload, ms, active);
  return [resource, reload, staleError];
}
