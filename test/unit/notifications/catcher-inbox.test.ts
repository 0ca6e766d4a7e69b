import { Inbox, type CaughtMessage } from '../../../notifications/catcher-inbox';

const message = (id: string): CaughtMessage => ({
  id,
  file: `/tmp/${id}.eml`,
  receivedAt: '2026-03-01T00:00:00.000Z',
  from: 'porting@example.test',
  to: ['owner@customer.example'],
  subject: id,
  text: '',
  headers: {},
});

describe('catcher inbox', () => {
  it('resolves a wait with an earlier or a later matching message', async () => {
    const inbox = new Inbox();
    inbox.add(message('a'));
    await expect(inbox.waitFor((m) => m.id === 'a', 1_000)).resolves.toMatchObject({ id: 'a' });
    const later = inbox.waitFor((m) => m.id === 'b', 1_000);
    inbox.add(message('b'));
    await expect(later).resolves.toMatchObject({ id: 'b' });
  });

  it('fails only the wait whose predicate throws', async () => {
    const inbox = new Inbox();
    const broken = inbox.waitFor(() => {
      throw new Error('bad predicate');
    }, 1_000);
    const fine = inbox.waitFor((m) => m.id === 'c', 1_000);
    expect(() => inbox.add(message('c'))).not.toThrow();
    await expect(broken).rejects.toThrow('bad predicate');
    await expect(fine).resolves.toMatchObject({ id: 'c' });
  });

  it('rejects pending waits on close and hands back what it held on clear', async () => {
    const inbox = new Inbox();
    inbox.add(message('d'));
    const pending = inbox.waitFor(() => false, 10_000);
    inbox.close();
    await expect(pending).rejects.toThrow('smtp catcher closed');
    expect(inbox.clear().map((m) => m.id)).toEqual(['d']);
    expect(inbox.list()).toEqual([]);
  });
});
