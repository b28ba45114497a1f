// The workspace's small router: `#/offers`, `#/people/01H…`. A view is built the first time it is shown
// and kept; each showing reads its data afresh.
export interface Route {
  /** The view's name: `people`. */
  view: string;
  /** What follows it: `01H…` in `#/people/01H…`. */
  param?: string;
}

export interface View {
  el: HTMLElement;
  show(route: Route): Promise<void>;
}

export function currentRoute(fallback: string): Route {
  const [view, param] = window.location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return { view: view || fallback, ...(param ? { param } : {}) };
}

/** Calls `onRoute` now and whenever the address's hash changes. */
export function startRouter(fallback: string, onRoute: (route: Route) => void): void {
  window.addEventListener('hashchange', () => onRoute(currentRoute(fallback)));
  onRoute(currentRoute(fallback));
}
