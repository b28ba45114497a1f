// What every view of the coordinator's workspace shares: who is signed in, the county being worked on (an
// admin picks one; a coordinator has theirs), and a directory of the county's labourers for names. Each
// view reads its own data when it is shown, so nothing else is kept between views.
import { request, type Labourer } from '../api.js';
import type { Session } from '../auth.js';

export interface Workspace {
  session: Session;
  /** Passed to every API call. */
  opts: { session: Session };
  county(): string;
  setCounty(county: string): void;
  onCountyChange(listener: () => void): void;
  directory: LabourerDirectory;
  /** Shows another view: `people/01H…`, `offers`. */
  go(path: string): void;
}

const ADMIN_COUNTY = 'chunfeng.adminCounty';

export function createWorkspace(session: Session): Workspace {
  let county = session.role === 'coordinator' ? session.scope : (localStorage.getItem(ADMIN_COUNTY) ?? '510822');
  const listeners: (() => void)[] = [];
  const opts = { session };
  const directory = labourerDirectory(opts, () => county);
  return {
    session,
    opts,
    county: () => county,
    setCounty(next) {
      if (next === county) return;
      county = next;
      localStorage.setItem(ADMIN_COUNTY, county);
      directory.clear();
      for (const listener of listeners) listener();
    },
    onCountyChange: (listener) => listeners.push(listener),
    directory,
    go: (path) => {
      window.location.hash = `#/${path}`;
    },
  };
}

/** Labourers by id, for the names on offers and trips: the county read once, again when one is missing. */
export interface LabourerDirectory {
  get(id: string): Labourer | undefined;
  remember(labourers: readonly Labourer[]): void;
  /** Reads the county's labourers unless already read (up to 10,000; past that, names come by id). */
  ensure(): Promise<void>;
  clear(): void;
}

function labourerDirectory(opts: { session: Session }, county: () => string): LabourerDirectory {
  const names = new Map<string, Labourer>();
  let loaded: Promise<void> | undefined;
  return {
    get: (id) => names.get(id),
    remember: (labourers) => labourers.forEach((l) => names.set(l.id, l)),
    ensure() {
      loaded ??= (async () => {
        let cursor: string | undefined;
        for (let page = 0; page < 10; page++) {
          const response = await request<Labourer[]>('GET', '/labourers', { ...opts, query: { county: county(), limit: 1000, cursor } });
          for (const l of response.data) names.set(l.id, l);
          cursor = response.headers.get('x-next-cursor') ?? undefined;
          if (!cursor) break;
        }
      })().catch((error) => {
        loaded = undefined;
        throw error;
      });
      return loaded;
    },
    clear() {
      names.clear();
      loaded = undefined;
    },
  };
}
