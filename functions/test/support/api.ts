/** A small HTTP client for the end-to-end tests (Node's fetch over loopback). */
export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

export function apiClient(baseUrl: string) {
  return async function request(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<ApiResponse> {
    const body = options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...options.headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
}

/** Polls a job until it is succeeded or failed. */
export async function waitForJob(
  request: ReturnType<typeof apiClient>,
  id: string,
  key: string,
  timeoutMs = 60_000,
  intervalMs = 200,
): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request("GET", `/api/jobs/${id}`, { headers: { "x-sym-key": key } });
    if (response.status === 200 && (response.body.status === "succeeded" || response.body.status === "failed")) return response.body;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${response.body?.status ?? response.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
