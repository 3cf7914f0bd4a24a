// Hash routes: `#/` (datasets), `#/datasets/<id>` (a validation report), `#/jobs` and
// `#/jobs/<id>` (one job, live).
export type ViewName = 'home' | 'dataset' | 'jobs' | 'job' | 'unknown';

export interface Route {
  view: ViewName;
  id?: string;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#/, '').split('?')[0]!.split('/').filter(Boolean);
  const [first, id] = parts.map(decodeURIComponent);
  if (parts.length === 0) return { view: 'home' };
  if (first === 'jobs' && parts.length === 1) return { view: 'jobs' };
  if (first === 'jobs' && id && parts.length === 2) return { view: 'job', id };
  if (first === 'datasets' && id && parts.length === 2) return { view: 'dataset', id };
  return { view: 'unknown' };
}

export const datasetLink = (id: string) => `#/datasets/${encodeURIComponent(id)}`;
export const jobLink = (id: string) => `#/jobs/${encodeURIComponent(id)}`;
