// One failure, one line: which step failed and where its log is.
export class ClusterStepError extends Error {
  readonly step: string;
  readonly logPath: string | undefined;
  constructor(step: string, logPath: string | undefined, detail: string) {
    super(`test cluster: step "${step}" failed: ${detail}${logPath ? ` (log: ${logPath})` : ""}`);
    this.step = step;
    this.logPath = logPath;
  }
}

export async function waitFor(what: () => Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await what().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}
