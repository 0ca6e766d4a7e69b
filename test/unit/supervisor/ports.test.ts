/**
 * `npm start` checks its ports before starting anything and names what holds a taken one
 * (scripts/supervisor/ports.ts): here a real listener of this process.
 */
import { createServer, type Server } from 'node:net';
import { describeTakenPorts, portHolders, takenPorts } from '../../../scripts/supervisor/ports';
import { freePort } from '../../../scripts/servers/processes';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('a port with a listener is taken, held by the listening process with its command line', async () => {
  const free = await freePort();
  const taken = await takenPorts([
    { port, host: '127.0.0.1', service: 'API', variable: 'API_PORT' },
    { port: free, host: '127.0.0.1', service: 'carrier simulator', variable: 'CARRIER_SIM_PORT' },
  ]);
  expect(taken).toHaveLength(1);
  expect(taken[0]).toMatchObject({ port, service: 'API' });
  expect(taken[0]!.holders).toEqual([{ pid: process.pid, command: expect.stringContaining('node') }]);
  expect(portHolders(free)).toEqual([]);
});

test('the message names each port, its variable and holder, and how to stop servers of an earlier run', () => {
  const message = describeTakenPorts(
    [
      {
        port: 3000,
        host: '127.0.0.1',
        service: 'API',
        variable: 'API_PORT',
        holders: [
          { pid: 4242, command: 'node /work/x/node_modules/.bin/ts-node --transpile-only api/main.ts' },
        ],
      },
      {
        port: 7233,
        host: '127.0.0.1',
        service: 'Temporal dev server',
        variable: 'TEMPORAL_PORT',
        holders: [{ pid: 99, command: 'python3 -m http.server 7233' }],
      },
      {
        port: 1080,
        host: '127.0.0.1',
        service: 'mail inbox',
        variable: 'SMTP_CATCHER_HTTP_PORT',
        holders: [],
      },
    ],
    '/work/x',
  );
  expect(message).toContain('nothing was started');
  expect(message).toContain(
    'port 3000 (API, API_PORT) is held by pid 4242: node /work/x/node_modules/.bin/ts-node --transpile-only api/main.ts',
  );
  expect(message).toContain(
    'port 7233 (Temporal dev server, TEMPORAL_PORT) is held by pid 99: python3 -m http.server',
  );
  expect(message).toContain(
    'port 1080 (mail inbox, SMTP_CATCHER_HTTP_PORT) is held by a process this user cannot see',
  );
  // Only this folder's processes are offered for killing.
  expect(message).toMatch(/earlier `npm start`.*\n\s+kill 4242\n/);
});
