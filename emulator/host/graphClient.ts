/**
 * A Graph client for the local page and tests: posts to the emulator's `/v1.0` with the
 * caller's sign-in (the page's cookie, or a header), and fails as SPFx's MSGraphClientV3
 * does, with Graph's status and error code, so GraphMailSender maps its errors the same.
 */
import { IGraphClient } from '../../src/services/GraphMailSender';

/** What a Graph client throws: the status and Graph's error code and message. */
export interface ILocalGraphError {
  statusCode: number;
  code: string;
  message: string;
}

/**
 * @param origin - the emulator's origin ('' for the page's own)
 * @param headers - sent with every request (a test signs in with the emulator's user header)
 */
export function localGraphClient(origin: string, headers: Record<string, string> = {}): IGraphClient {
  return {
    api: (path) => ({
      post: async (body) => {
        const response = await fetch(`${origin}/v1.0${path}`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
        const text = await response.text();
        if (!response.ok) {
          let error: { code?: string; message?: string } = {};
          try {
            error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error ?? {};
          } catch {
            error = { message: text };
          }
          const failure: ILocalGraphError = { statusCode: response.status, code: error.code ?? '', message: error.message ?? response.statusText };
          throw failure;
        }
        return text ? (JSON.parse(text) as unknown) : undefined;
      }
    })
  };
}
