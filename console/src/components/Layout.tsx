/**
 * The frame of every page: a skip link, the header with the navigation of the caller's role and
 * the sign-out button, and the page's main region with its heading (focused on navigation, so
 * keyboard and screen-reader users start at the new page).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Me } from '../api';
import type { PageDef } from '../registry';
import { href } from '../lib/route';

export function Layout(props: {
  me: Me;
  pages: readonly PageDef[];
  currentPath?: string;
  title: string;
  onSignOut: () => void;
  children: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Port-in console`;
    heading.current?.focus();
  }, [props.title]);
  const nav = props.pages.filter((p) => p.nav && p.roles.includes(props.me.role));
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Port-in console</span>
        <nav aria-label="Main">
          <ul>
            {nav.map((p) => (
              <li key={p.path}>
                <a href={href(p.path)} aria-current={props.currentPath === p.path ? 'page' : undefined}>
                  {p.nav}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span>
            {props.me.keyName} <span class="role">({props.me.role})</span>
          </span>
          <button type="button" class="link-button" onClick={props.onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">
        <h1 tabIndex={-1} ref={heading}>
          {props.title}
        </h1>
        {props.children}
      </main>
    </>
  );
}
