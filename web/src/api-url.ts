// Where the API is: the pages' own origin (locally, and behind CloudFront), or VITE_API_URL when a
// deployment's API lives on another host (set at build time).
const BASE = String(import.meta.env.VITE_API_URL ?? '').replace(/\/$/, '');

export function url(path: string, query?: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}
