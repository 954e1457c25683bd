import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the end-to-end servers listen. `E2E_PORT_BASE` lets two runs on one machine use
 * different ports (and build directories).
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4310);

export const E2E = {
  sandboxPort: base,
  appPort: base + 10,
  wrongKeyAppPort: base + 11,
  /** The production server (`npm run serve`) over the same build. */
  prodPort: base + 12,
  /** A second sandbox with many tasks (budgets: a big board's DOM size and accessibility). */
  bigSandboxPort: base + 1,
  /** The production server over the same build, in front of the big sandbox. */
  bigAppPort: base + 13,
  /** A sandbox with Gainsight's own 100-a-minute limit on, behind a team server with its default budget. */
  limitedSandboxPort: base + 2,
  limitedAppPort: base + 14,
  /** The production install: a copy installed with --omit=dev, started with plain node. */
  installedAppPort: base + 15,
  /** The team server with sign-in on (a real OpenID provider in the harness), over the first sandbox. */
  signInAppPort: base + 18,
  /** That server's audit log (AUDIT_LOG), emptied when the harness starts. */
  signInAuditLog: join(tmpdir(), `cockpit-board-e2e-audit-${base}.jsonl`),
  /** A sandbox of its own behind the mirror server, reached through a forwarder the tests can switch off. */
  mirrorSandboxPort: base + 3,
  mirrorForwarderPort: base + 4,
  mirrorForwarderControlPort: base + 5,
  /** The team server with the mirror on (poll every MIRROR_POLL_S), over the forwarder. */
  mirrorAppPort: base + 16,
  mirrorPollSeconds: 2,
  bigTasks: 10_000,
  /** The sandbox's key; the app's proxy sends it. Tests use it to talk to the sandbox directly. */
  accessKey: 'e2e-4c1f0d9e-known-key-b7a2',
  wrongKey: 'e2e-wrong-key-0000',
  outDir: `dist-e2e-${base}`,
  seed: 1,
  tasks: 600,
  get sandboxOrigin() {
    return `http://127.0.0.1:${this.sandboxPort}`;
  },
  get appUrl() {
    return `http://127.0.0.1:${this.appPort}`;
  },
  get prodUrl() {
    return `http://127.0.0.1:${this.prodPort}`;
  },
  get bigAppUrl() {
    return `http://127.0.0.1:${this.bigAppPort}`;
  },
  get limitedAppUrl() {
    return `http://127.0.0.1:${this.limitedAppPort}`;
  },
  get limitedSandboxOrigin() {
    return `http://127.0.0.1:${this.limitedSandboxPort}`;
  },
  get signInAppUrl() {
    return `http://127.0.0.1:${this.signInAppPort}`;
  },
  get mirrorAppUrl() {
    return `http://127.0.0.1:${this.mirrorAppPort}`;
  },
  get mirrorSandboxOrigin() {
    return `http://127.0.0.1:${this.mirrorSandboxPort}`;
  },
  get mirrorControlOrigin() {
    return `http://127.0.0.1:${this.mirrorForwarderControlPort}`;
  },
  get wrongKeyAppUrl() {
    return `http://127.0.0.1:${this.wrongKeyAppPort}`;
  },
};
