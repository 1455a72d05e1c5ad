import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { UNSAFE_NavigationContext, useLocation } from 'react-router';

type Navigate = (...args: unknown[]) => void;
interface History {
  push: Navigate;
  replace: Navigate;
}

function pathOf(to: unknown): string | null {
  if (typeof to === 'string') return to.split(/[?#]/)[0] ?? to;
  if (to && typeof to === 'object' && 'pathname' in to) return String((to as { pathname?: string }).pathname ?? '');
  return null;
}

/**
 * Holds in-app navigation away from this page while `when` is true (unsaved changes), so the
 * page can ask first; closing or reloading the window asks through the browser. The app uses a
 * HashRouter, which has no blocker API, so the router's history is wrapped for as long as needed.
 */
export function useLeaveGuard(when: boolean) {
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const { pathname } = useLocation();
  const [pending, setPending] = useState<(() => void) | null>(null);
  const bypass = useRef(false);

  useEffect(() => {
    if (!when) return;
    const history = navigator as unknown as History;
    const { push, replace } = history;
    const guard =
      (original: Navigate): Navigate =>
      (...args) => {
        const target = pathOf(args[0]);
        // Same page (search params) and deliberate exits (after Delete) go through.
        if (bypass.current || target === null || target === pathname) return original(...args);
        setPending(() => () => original(...args));
      };
    history.push = guard(push);
    history.replace = guard(replace);
    return () => {
      history.push = push;
      history.replace = replace;
    };
  }, [when, navigator, pathname]);

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  const proceed = useCallback(() => {
    const go = pending;
    setPending(null);
    bypass.current = true;
    go?.();
  }, [pending]);

  const stay = useCallback(() => setPending(null), []);

  /** Runs `fn` (a navigation) without asking: the page decided to leave. */
  const leave = useCallback((fn: () => void) => {
    bypass.current = true;
    fn();
  }, []);

  return { asking: pending !== null, proceed, stay, leave };
}
