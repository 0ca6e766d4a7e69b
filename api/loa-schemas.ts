/** Request and response schemas of the LOA e-signature route (issue #14 item 3). */
import { z } from 'zod';

export const signatureRequestSchema = z
  .object({
    email: z.email().max(320).optional().meta({
      description: 'where the authorized person reads the link; default: the order’s notification email',
    }),
  })
  .strict();

export const signatureRequestResultSchema = z
  .object({
    id: z.string().meta({ description: 'the signature request (`sig_…`)' }),
    orderId: z.string().meta({ description: 'the order whose LOA is to be signed' }),
    email: z.string().meta({ description: 'where the link was sent' }),
    expiresAt: z.iso.datetime({ offset: true }).meta({ description: 'when the link stops working' }),
  })
  .strict()
  .meta({ id: 'LoaSignatureRequest', description: 'A signing link on its way to the authorized person' });
