/**
 * What the team server last heard from the Gainsight API, for `/readyz`: reachable (it answered,
 * whatever the status, except that a 401 means the key is refused), or not (timeouts, refused
 * connections, 5xx from a gateway).
 */
export interface UpstreamHealthState {
  reachable: boolean | null;
  lastAnswerAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  keyRefused: boolean;
}

export class UpstreamHealth {
  private state: UpstreamHealthState = { reachable: null, lastAnswerAt: null, lastStatus: null, lastError: null, keyRefused: false };

  constructor(private readonly now: () => number = Date.now) {}

  answered(status: number): void {
    const gatewayDown = status === 502 || status === 503 || status === 504;
    this.state = {
      reachable: !gatewayDown,
      lastAnswerAt: this.now(),
      lastStatus: status,
      lastError: gatewayDown ? `HTTP ${status}` : null,
      keyRefused: status === 401,
    };
  }

  failed(message: string): void {
    this.state = { ...this.state, reachable: false, lastAnswerAt: this.now(), lastError: message };
  }

  snapshot(): UpstreamHealthState & { ageMs: number | null } {
    return { ...this.state, ageMs: this.state.lastAnswerAt === null ? null : this.now() - this.state.lastAnswerAt };
  }
}
