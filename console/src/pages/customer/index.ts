/** The customer's pages (issue #13, items 1-4); support and ops see the read-only ones too. */
import { ALL_ROLES, WRITERS, type OrderSectionDef, type PageDef } from '../../registry';
import { ConfigureNumbers } from './ConfigureNumbers';
import { NewOrder } from './NewOrder';
import { OrderDetails } from './OrderDetails';
import { OrdersList } from './OrdersList';

export const customerPages: PageDef[] = [
  { path: '/orders', title: 'Orders', roles: ALL_ROLES, nav: 'Orders', component: OrdersList },
  { path: '/orders/new', title: 'New port-in order', roles: WRITERS, nav: 'New order', component: NewOrder },
  { path: '/orders/:id/edit', title: 'Port-in order draft', roles: WRITERS, component: NewOrder },
  { path: '/orders/:id/configure', title: 'Configure numbers', roles: WRITERS, component: ConfigureNumbers },
  { path: '/orders/:id', title: 'Order details', roles: ALL_ROLES, component: OrderDetails },
];
export const customerOrderSections: OrderSectionDef[] = [];
