// The web pages (web/, built by Vite into dist/web) served next to the API by `npm start`.
// Placeholder until the web issue lands: nothing is served, every request goes to the API.
import type { IncomingMessage, ServerResponse } from 'node:http';

export async function servePage(_req: IncomingMessage, _res: ServerResponse): Promise<boolean> {
  return false;
}
