/** Builds the production activity dependencies from configuration. */
import { createCarrierGatewayFromEnv } from '../carrier/select';
import type { Config } from '../config';
import { createMailer } from '../notifications/mailer';
import { createFieldCipher } from '../security/field-crypto';
import { connectStore } from '../store/connection';
import { createActivities } from '../activities';

export async function buildActivities(config: Config) {
  const store = await connectStore(config.mongodbUri);
  const mailer = createMailer({ host: config.smtp.host, port: config.smtp.port, from: config.smtp.from });
  const activities = createActivities({
    store,
    carrier: createCarrierGatewayFromEnv({ ...process.env, CARRIER_BASE_URL: config.carrier.baseUrl }),
    mailer,
    cipher: createFieldCipher(config.fieldKey),
    opsAlertEmail: config.opsAlertEmail,
  });
  return { activities, close: async () => (mailer.close(), store.close()) };
}
