/** The simulator service's environment variables, parsed and checked in one place. */
import { integerFromEnv } from '../config/env-integer';
import { DEFAULT_FOC_LEAD_BUSINESS_DAYS } from './foc';
import { DEFAULT_SIMULATOR_DB_NAME } from './mongo-store';

export interface SimulatorConfig {
  /** Bind address: loopback by default; 0.0.0.0 in a container so the worker can reach it. */
  host: string;
  port: number;
  mongodbUri: string;
  dbName: string;
  eventsUrl: string;
  webhookSecret: string;
  answerDelayMs: number;
  portDelayMs: number;
  focLeadBusinessDays: number;
  autoAnswer: boolean;
  apiKey?: string;
}

export const DEFAULT_SIMULATOR_PORT = 4010;
export const DEFAULT_MONGODB_URI = 'mongodb://127.0.0.1:27017';
export const DEFAULT_CARRIER_EVENTS_URL = 'http://127.0.0.1:3000/v1/carrier/events';

export function readSimulatorConfig(env: NodeJS.ProcessEnv): SimulatorConfig {
  const webhookSecret = env.CARRIER_WEBHOOK_SECRET;
  if (!webhookSecret) {
    throw new Error('CARRIER_WEBHOOK_SECRET is required (the API verifies carrier events with it)');
  }
  return {
    host: env.CARRIER_SIM_HOST || '127.0.0.1',
    port: integerFromEnv(env, 'CARRIER_SIM_PORT', DEFAULT_SIMULATOR_PORT, 0),
    mongodbUri: env.CARRIER_SIM_MONGODB_URI || env.MONGODB_URI || DEFAULT_MONGODB_URI,
    dbName: DEFAULT_SIMULATOR_DB_NAME,
    eventsUrl: env.CARRIER_EVENTS_URL || DEFAULT_CARRIER_EVENTS_URL,
    webhookSecret,
    answerDelayMs: integerFromEnv(env, 'CARRIER_SIM_ANSWER_DELAY_MS', 2000, 0),
    portDelayMs: integerFromEnv(env, 'CARRIER_SIM_PORT_DELAY_MS', 2000, 0),
    focLeadBusinessDays: integerFromEnv(
      env,
      'CARRIER_SIM_FOC_LEAD_BUSINESS_DAYS',
      DEFAULT_FOC_LEAD_BUSINESS_DAYS,
      0,
    ),
    autoAnswer: boolean(env, 'CARRIER_SIM_AUTO_ANSWER', true),
    apiKey: env.CARRIER_SIM_API_KEY || undefined,
  };
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got '${raw}'`);
}
