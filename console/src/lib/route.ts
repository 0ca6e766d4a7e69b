/**
 * Hash routes (`#/orders/pio_…?cursor=…`): the server serves one index.html, the page is chosen here.
 * A pattern is a path with `:name` segments.
 */
export interface Location {
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?', 2);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

/** The parameters of `path` under `pattern`, or undefined when it does not match. */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return undefined;
      }
    } else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/** A hash link: `href('/orders/:id', { id })` → `#/orders/pio_…`, with an optional query. */
export function href(
  path: string,
  params: Record<string, string> = {},
  query?: Record<string, string>,
): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = query
    ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString()
    : '';
  return `#${filled}${search ? `?${search}` : ''}`;
}
