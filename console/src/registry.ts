/**
 * What a page is, for the router and the navigation (console/README.md says how to add one). Pages
 * are listed in pages/customer/index.ts and pages/support/index.ts; main.tsx shows those of the
 * signed-in key's role. Order sections are blocks a role adds to the order details page (support's
 * staff actions, for instance) without editing it.
 */
import type { ComponentType } from 'preact';
import type { Api, Me, Order, Role } from './api';

export interface PageProps {
  /** `:name` segments of the page's path. */
  params: Record<string, string>;
  query: URLSearchParams;
  me: Me;
  api: Api;
}

export interface PageDef {
  /** Hash path with `:name` segments, e.g. `/orders/:id`. */
  path: string;
  /** The document title and the page's heading. */
  title: string;
  roles: readonly Role[];
  /** Shown in the navigation with this label (pages reached by a link only leave it out). */
  nav?: string;
  component: ComponentType<PageProps>;
}

export interface OrderSectionProps {
  order: Order;
  me: Me;
  api: Api;
  /** Load the order (and the page's other data) again after an action. */
  reload: () => void;
}

export interface OrderSectionDef {
  id: string;
  roles: readonly Role[];
  component: ComponentType<OrderSectionProps>;
}

export const ALL_ROLES: readonly Role[] = ['customer', 'support', 'ops'];
export const WRITERS: readonly Role[] = ['customer', 'support'];
