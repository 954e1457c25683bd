import { startSandbox, type Sandbox, type SandboxOptions } from './index.ts';

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: {
    result: boolean;
    data: T;
    errorCode: string | null;
    errorDesc: string | null;
    requestId: string;
    message: null;
  };
}

export interface TestApi {
  sandbox: Sandbox;
  call: <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply<T>>;
  /** Sends a raw body string (or bytes) as is. */
  raw: (method: string, path: string, body: string | Uint8Array, headers?: Record<string, string>) => Promise<Reply>;
  close: () => Promise<void>;
}

/** Starts a sandbox on a free port with an in-memory database, and a small client for it. */
export async function startTestApi(options: SandboxOptions = {}): Promise<TestApi> {
  const sandbox = await startSandbox({ tasks: 200, seed: 7, today: '2026-06-15', ...options });
  const raw = async (method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}) => {
    const res = await fetch(`${sandbox.origin}${path}`, {
      method,
      headers: { accessKey: sandbox.accessKey, 'Content-Type': 'application/json', ...headers },
      body,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: JSON.parse(text) as Reply['body'] };
  };
  return {
    sandbox,
    raw,
    call: (method, path, body, headers) => raw(method, path, body === undefined ? undefined : JSON.stringify(body), headers) as never,
    close: () => sandbox.close(),
  };
}

export type Task = Record<string, string | number | undefined>;
