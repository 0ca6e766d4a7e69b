/** The demo API keys as both start banners print them (store/seed.ts seeds the same defaults). */
export const demoKeysBanner = (
  env: NodeJS.ProcessEnv,
): string => `Demo API keys (Authorization: Bearer <key>):
  customer (Standard account acct_demo_standard)  ${env.DEMO_CUSTOMER_API_KEY || 'demo-customer-key'}
  customer (Standard account acct_demo_second)    ${env.DEMO_SECOND_CUSTOMER_API_KEY || 'demo-second-customer-key'}
  customer (trial account acct_demo_trial)        ${env.DEMO_TRIAL_CUSTOMER_API_KEY || 'demo-trial-customer-key'}
  support                                          ${env.DEMO_SUPPORT_API_KEY || 'demo-support-key'}
  ops                                              ${env.DEMO_OPS_API_KEY || 'demo-ops-key'}`;
