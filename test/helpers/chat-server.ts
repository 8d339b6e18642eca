// A chat-completions server on 127.0.0.1 (node:http, port 0) for testing the AI grader's client:
// each request is recorded, and answered by the next scripted reply (the last one repeats).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** A scripted answer: a status, a body (objects are sent as JSON) and headers; `hang` never answers. */
export type Scripted = { status?: number; body?: unknown; headers?: Record<string, string> } | 'hang';

export interface ChatServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A chat completion whose message content is `content` (an object is sent as its JSON text). */
export function completion(content: unknown, finishReason = 'stop'): { body: unknown } {
  return { body: { id: 'chatcmpl-test', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: typeof content === 'string' ? content : JSON.stringify(content) }, finish_reason: finishReason }] } };
}

export async function startChatServer(script: Scripted[] | ((request: SeenRequest, index: number) => Scripted)): Promise<ChatServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(seen);
      const index = requests.length - 1;
      const answer = typeof script === 'function' ? script(seen, index) : script[Math.min(index, script.length - 1)]!;
      if (answer === 'hang') return;
      const payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
