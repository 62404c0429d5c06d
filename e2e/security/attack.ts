// What an attacker sends, without a browser's manners: any Host, any Origin, any server action
// with any arguments. node:http, because fetch will not let a caller set Host.
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function raw(url: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: opts.method ?? "GET", headers: { Host: u.host, ...opts.headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      // An event stream that was let through never ends: the first chunk says enough.
      res.on("data", (c: string) => {
        body += c;
        if ((res.headers["content-type"] ?? "").includes("event-stream")) res.destroy();
      });
      res.on("close", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer to ${path} within 15 s`)));
    req.end(opts.body);
  });
}

/** The server actions of the production build under test, by exported name. */
export function actionIds(): Record<string, string> {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, a]) => [a.exportedName, id]));
}

/** A server action call as Next's client makes it (arguments JSON-encoded), with the headers given. */
export function callAction(url: string, id: string, args: unknown[], headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(url, "/routes", {
    method: "POST",
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: new URL(url).origin, ...headers },
    body: JSON.stringify(args),
  });
}

/** The value an action returned, out of the RSC stream (its line holding `"ok":`). */
export function actionResult(r: RawResponse): { ok: boolean; error?: { type: string; message: string; confirm?: string }; value?: Record<string, unknown> } {
  const line = r.body.split("\n").find((l) => /^\w+:\{"ok":/.test(l));
  if (!line) throw new Error(`no action result in HTTP ${r.status}: ${r.body.slice(0, 300)}`);
  return JSON.parse(line.slice(line.indexOf(":") + 1)) as ReturnType<typeof actionResult>;
}
