/**
 * Support's pages and order-details sections (issue #13, items 5 and 6). Add a page: write its
 * component under this folder and list it here (console/README.md). Ops see them read-only.
 */
import type { OrderSectionDef, PageDef } from '../../registry';
import { ReviewQueue } from './ReviewQueue';
import { StaffSection } from './StaffSection';

export const supportPages: PageDef[] = [
  {
    path: '/review-queue',
    title: 'Review queue',
    roles: ['support', 'ops'],
    nav: 'Review queue',
    component: ReviewQueue,
  },
];
export const supportOrderSections: OrderSectionDef[] = [
  { id: 'staff', roles: ['support', 'ops'], component: StaffSection },
];
