/**
 * The bare baselines of the read path: Express 5 with nothing but a JSON body, `/healthz`, and one
 * order read by `findById` through mongoose from the same FerretDB collection the API reads.
 */
import express from 'express';
import mongoose, { Schema } from 'mongoose';

async function main() {
  const connection = await mongoose
    .createConnection(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/portin')
    .asPromise();
  const Order = connection.model('Order', new Schema({ _id: String }, { strict: false }), 'port_in_orders');
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/orders/:id', async (req, res) => {
    const order = await Order.findById(req.params.id).lean();
    if (!order) return res.status(404).json({ error: 'not found' });
    res.json(order);
  });
  const port = Number(process.env.BARE_HTTP_PORT ?? 3999);
  app.listen(port, '127.0.0.1', () => console.log(`bare http listening on ${port}`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
