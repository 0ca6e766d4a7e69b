/** Every page and order section of the console, by side (console/README.md). */
import type { OrderSectionDef, PageDef } from '../registry';
import { customerOrderSections, customerPages } from './customer';
import { supportOrderSections, supportPages } from './support';

export const PAGES: readonly PageDef[] = [...customerPages, ...supportPages];
export const ORDER_SECTIONS: readonly OrderSectionDef[] = [...customerOrderSections, ...supportOrderSections];
