/** History size of a completed order with 1, 20 and 100 numbers (events and encoded bytes). */
import { workflowIdFor } from '../../workflows/messages';
import type { BenchCase } from '../context';
import { readHistory, type HistoryFigures } from '../history';
import { freshNumbers, fullLifecycle } from '../orders';
import { fmt, type Row } from '../report';

export const historyCase: BenchCase = {
  name: 'history',
  title: 'History size by numbers per order',
  async run(ctx) {
    const figures: Array<{ numbers: number } & HistoryFigures> = [];
    for (const numbers of ctx.sizes.historyNumbers) {
      const orderId = await fullLifecycle(ctx.stack, freshNumbers(numbers));
      figures.push({ numbers, ...(await readHistory(ctx.stack.client, workflowIdFor(orderId))) });
    }
    const one = figures[0];
    const largest = figures[figures.length - 1];
    return figures.map((f): Row => {
      const ratio = f.bytes / one.bytes;
      return {
        case: 'history',
        figure: `History of a completed ${f.numbers}-number order`,
        project: `${f.events} events, ${fmt(f.bytes / 1024, 1)} KB`,
        baseline: f === one ? '' : `${one.numbers}-number order: ${fmt(one.bytes / 1024, 1)} KB`,
        ...(f === one ? {} : { ratio }),
        ...(f === largest && f !== one ? { target: { text: '≤ 3× bytes', met: ratio <= 3 } } : {}),
      };
    });
  },
};
