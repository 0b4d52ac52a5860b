import { createServer, connect, type Server, type Socket } from 'node:net';
import { startTestServer, testDatabase, type TestServer } from './test-server';

/**
 * A TCP proxy to a PostgreSQL server, which a test turns off to make the database
 * unreachable from the API without touching the server the other tests share:
 *
 * - `refuse()`: the port is closed and every open connection cut (a stopped server);
 * - `blackhole()`: connections are accepted and never answered, the open ones cut (a
 *   server or network that hangs: only the API's timeouts end the wait);
 * - `restore()`: forwarding again, on the same port.
 */
export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string;
  refuse(): Promise<void>;
  blackhole(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let mode: 'forward' | 'blackhole' = 'forward';
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((client) => {
    track(client);
    if (mode === 'blackhole') return;
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as { port: number }).port);
      });
    });
  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const port = await listen(0);
  return {
    port,
    through(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    async refuse() {
      const closed = stopListening();
      cutAll();
      await closed;
    },
    async blackhole() {
      mode = 'blackhole';
      cutAll();
      if (!server.listening) await listen(port);
    },
    async restore() {
      // The connections accepted while hanging are cut: their clients retry on a forwarded one.
      if (mode === 'blackhole') cutAll();
      mode = 'forward';
      if (!server.listening) await listen(port);
    },
    async close() {
      const closed = stopListening();
      cutAll();
      await closed;
    },
  };
}

/** The real server on a database of its own (named after `suffix`), reached through a TcpProxy the test can shut. */
export async function startServerBehindProxy(suffix: string, env: NodeJS.ProcessEnv = {}): Promise<{ proxy: TcpProxy; server: TestServer; base: string; close(): Promise<void> }> {
  const direct = await testDatabase(`${suffix}_${process.pid}`);
  const target = new URL(direct);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const server = await startTestServer({ databaseUrl: proxy.through(direct), env });
  return {
    proxy,
    server,
    base: server.url.replace(/\/graphql$/, ''),
    async close() {
      await proxy.restore();
      await server.close();
      await proxy.close();
    },
  };
}
