/** The domain's public API: pure, deterministic rules shared by the API, the workflows and the CLI. */
export * from './statuses';
export * from './rejection-codes';
export * from './fees';
export * from './calendar';
export * from './order';
export * from './phone-numbers';
export * from './address';
export * from './regions';
export * from './cnam';
export * from './email';
export * from './matching';
export * from './problems';
export * from './csr-comparison';
export * from './validation';
export * from './splitting';
export { CUSTOMER_MAX_NUMBERS, NORMAL_PORT_MAX_NUMBERS, SUPPORT_ROUTE } from './intake/eligibility';
export { BILL_MAX_AGE_DAYS } from './intake/documents';
