/**
 * The console's entry: sign-in with an API key (kept in sessionStorage only), `GET /v1/me` to learn
 * the key's role, then the page the hash names among those of the role (registry.ts, pages/*).
 */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi, problemOf, unwrap, type Api, type Me } from './api';
import { Layout } from './components/Layout';
import { ProblemSummary } from './components/Problems';
import { TextField } from './components/Field';
import { matchRoute, parseHash, type Location } from './lib/route';
import type { Problem } from './lib/problems';
import { PAGES } from './pages';
import { session } from './session';

function useLocation(): Location {
  const [location, setLocation] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setLocation(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return location;
}

function SignIn(props: { onSignedIn: (key: string, me: Me, api: Api) => void; expired?: boolean }) {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Port-in console';
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const trimmed = key.trim();
    const api = createApi(trimmed, () => undefined);
    try {
      const me = await unwrap(api.client.GET('/v1/me'));
      props.onSignedIn(trimmed, me, api);
    } catch (err) {
      const p = problemOf(err);
      setProblem(
        p.status === 401
          ? { ...p, errors: [{ code: p.code, field: 'apiKey', message: 'This API key is not known.' }] }
          : p,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>Port-in console</h1>
      {props.expired ? <p role="status">Your key was refused: sign in again.</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="apiKey"
          label="API key"
          type="password"
          autoComplete="off"
          value={key}
          onValue={setKey}
          problems={problem?.errors}
          hint="Kept in this browser tab only, until you sign out or close it."
          required
        />
        <ProblemSummary problem={problem} claimed={['apiKey']} />
        <button type="submit" disabled={busy || !key.trim()}>
          Sign in
        </button>
      </form>
    </main>
  );
}

function App() {
  const location = useLocation();
  const [key, setKey] = useState<string | null>(() => session.load());
  const [me, setMe] = useState<Me | null>(null);
  const [expired, setExpired] = useState(false);
  const [startProblem, setStartProblem] = useState<Problem | null>(null);
  const signOut = (wasExpired = false) => {
    session.clear();
    setKey(null);
    setMe(null);
    setExpired(wasExpired);
  };
  const api = useMemo(() => (key ? createApi(key, () => signOut(true)) : null), [key]);
  // A key from an earlier load of this tab: ask who it is again.
  useEffect(() => {
    if (!api || me) return;
    unwrap(api.client.GET('/v1/me')).then(setMe, (err: unknown) => setStartProblem(problemOf(err)));
  }, [api, me]);

  if (!key || !api)
    return (
      <SignIn
        expired={expired}
        onSignedIn={(k, m) => {
          session.save(k);
          setKey(k);
          setMe(m);
          setExpired(false);
          if (!window.location.hash || window.location.hash === '#/') window.location.hash = '#/orders';
        }}
      />
    );
  if (!me)
    return (
      <main id="main">
        {startProblem ? <ProblemSummary problem={startProblem} /> : <p role="status">Loading…</p>}
      </main>
    );

  const mine = PAGES.filter((p) => p.roles.includes(me.role));
  const path = location.path === '/' ? '/orders' : location.path;
  for (const page of mine) {
    const params = matchRoute(page.path, path);
    if (!params) continue;
    const Page = page.component;
    return (
      <Layout me={me} pages={mine} currentPath={page.path} title={page.title} onSignOut={() => signOut()}>
        <Page
          key={`${path}?${location.query.toString()}`}
          params={params}
          query={location.query}
          me={me}
          api={api}
        />
      </Layout>
    );
  }
  return (
    <Layout me={me} pages={mine} title="Not found" onSignOut={() => signOut()}>
      <p>
        There is no page at <code>{path}</code> for a {me.role} key. <a href="#/orders">Orders</a>
      </p>
    </Layout>
  );
}

render(<App />, document.getElementById('app')!);
