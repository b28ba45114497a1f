// A route module loaded on its first request (issue #21): its code, zod schemas and tables are built
// when one of its routes is first called, not at every cold start of the api. In the bundle, esbuild
// keeps a dynamically imported module inline but evaluates it only when `import()` runs.
// Use: `const { listLabourers, postLabourer } = lazyRoutes(() => import('./routes/labourers.js'));`

/** The module's route functions (async functions only), with their own types. */
export type LazyRouteModule<M> = {
  readonly [K in keyof M as M[K] extends (...args: never[]) => Promise<unknown> ? K : never]: M[K];
};

export function lazyRoutes<M extends object>(load: () => Promise<M>): LazyRouteModule<M> {
  let loading: Promise<M> | undefined;
  // A failed load is not kept: the next request tries again.
  const module = () => (loading ??= load().catch((error: unknown) => ((loading = undefined), Promise.reject(error))));
  return new Proxy({} as LazyRouteModule<M>, {
    get: (_, name) =>
      async (...args: unknown[]) => {
        const route = (await module())[name as keyof M];
        if (typeof route !== 'function') throw new Error(`Route module has no function ${String(name)}`);
        return (route as (...a: unknown[]) => Promise<unknown>)(...args);
      },
  });
}
