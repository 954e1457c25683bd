/**
 * A TCP forwarder between a team server and its API server that a test can switch off and on, so
 * the end-to-end tests can take "Gainsight" away for real (connections refused and cut, as when
 * the tenant is unreachable) without stopping the API server's process and losing its data.
 * Its control is a tiny HTTP endpoint: `PUT /upstream/on`, `PUT /upstream/off`.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface SwitchableUpstream {
  close: () => Promise<void>;
}

export async function startSwitchableUpstream(options: {
  port: number;
  controlPort: number;
  targetPort: number;
}): Promise<SwitchableUpstream> {
  let on = true;
  const open = new Set<Socket>();
  const forwarder: Server = createServer((client) => {
    if (!on) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ port: options.targetPort, host: '127.0.0.1' });
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const control: HttpServer = createHttpServer((req, res) => {
    const m = /^\/upstream\/(on|off)$/.exec(req.url ?? '');
    if (req.method !== 'PUT' || !m) {
      res.writeHead(404).end();
      return;
    }
    on = m[1] === 'on';
    if (!on) for (const s of open) s.destroy();
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => forwarder.listen(options.port, '127.0.0.1', r));
  await new Promise<void>((r) => control.listen(options.controlPort, '127.0.0.1', r));
  return {
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((r) => forwarder.close(() => r()));
      await new Promise<void>((r) => control.close(() => r()));
    },
  };
}
