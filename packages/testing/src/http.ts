/**
 * One HTTP request on a connection of its own. A pooled keep-alive connection can outlive the server's
 * idle timeout between two steps of a long test and then fail with EPIPE; a fresh one cannot.
 */
import { request } from 'node:http';

export interface JsonResponse<T> {
  status: number;
  body: T;
}

export function requestJson<T>(url: string, options: { method?: string; body?: unknown } = {}): Promise<JsonResponse<T>> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: options.method ?? 'GET',
        agent: false,
        headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
          } catch (error) {
            reject(new Error(`${url} answered ${response.statusCode} with invalid JSON: ${(error as Error).message}`));
          }
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
