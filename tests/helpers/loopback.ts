// A test's own HTTP peer on the loopback interface (a stand-in for SNS, Step Functions, the user pool).
import type { Server } from 'node:http';

/** Listens on a free port of 127.0.0.1; resolves to the base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the loopback server has no port');
  return `http://127.0.0.1:${address.port}`;
}

export function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
