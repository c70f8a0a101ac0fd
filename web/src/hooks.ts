import { useCallback, useEffect, useRef, useState } from "hono/jsx/dom";

export type Resource<T> =
  { state: "loading" } | { state: "error"; error: unknown } | { state: "ready"; data: T };

/** Loads `load()` on mount; `reload()` fetches again while keeping the last data on screen. */
export function useResource<T>(load: () => Promise<T>): [Resource<T>, () => Promise<void>] {
  const [resource, setResource] = useState<Resource<T>>({ state: "loading" });
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(async () => {
    try {
      setResource({ state: "ready", data: await loader.current() });
    } catch (error) {
      setResource({ state: "error", error });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, []);
  return [resource, reload];
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
