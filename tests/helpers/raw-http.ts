import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `head` (request line and headers, without the blank line) and then `body`, if any,
 * on a socket of its own, and reads one response: for what fetch will not send (a
 * content-length the body does not match, a malformed request).
 */
export function rawRequest(url: string, head: string, body?: Buffer | string, timeoutMs = 5_000): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete response within ${timeoutMs} ms: ${received.toString('utf8').slice(0, 200)}`));
    }, timeoutMs);
    const parse = (): RawResponse | undefined => {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return undefined;
      const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? NaN);
      const rest = received.subarray(end + 4);
      if (!Number.isNaN(length) && rest.length < length) return undefined;
      return { status: Number(statusLine!.split(' ')[1]), headers, body: rest.toString('utf8') };
    };
    const finish = (response: RawResponse) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(response);
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const response = parse();
      if (response) finish(response);
    });
    socket.on('end', () => {
      const response = parse();
      if (response) finish(response);
      else {
        clearTimeout(timer);
        reject(new Error(`connection closed before a complete response: ${received.toString('utf8').slice(0, 200)}`));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.write(`${head}\r\n\r\n`);
    if (body !== undefined) socket.write(body);
  });
}
