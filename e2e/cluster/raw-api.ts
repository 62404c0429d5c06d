// A bare HTTPS client for the test cluster, as the admin user of its kubeconfig: status, JSON
// body and Warning headers of each answer, nothing interpreted. For tests that compare Routeboard
// with the API server's own words.
import { readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { parse } from "yaml";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface RawAnswer {
  status: number;
  body: { [k: string]: Json };
  /** The text of each `Warning: 299 - "..."` header, unquoted. */
  warnings: string[];
}

export interface RawApi {
  call(method: string, path: string, body?: unknown, contentType?: string): Promise<RawAnswer>;
  close(): void;
}

const WARNING = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/;

export function rawApiFromKubeconfig(file: string, inFlight: number): RawApi {
  const kc = parse(readFileSync(file, "utf8")) as {
    clusters: { cluster: { server: string; "certificate-authority-data": string } }[];
    users: { name: string; user: { token: string } }[];
  };
  const cluster = kc.clusters[0]?.cluster;
  const token = kc.users.find((u) => u.name === "admin")?.user.token;
  if (!cluster || !token) throw new Error("kubeconfig without cluster or admin token");
  const url = new URL(cluster.server);
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight, ca: Buffer.from(cluster["certificate-authority-data"], "base64") });
  const call: RawApi["call"] = (method, path, body, contentType = "application/json") =>
    new Promise((resolve, reject) => {
      const headers = { Authorization: `Bearer ${token}`, "Content-Type": contentType, Accept: "application/json" };
      const req = request({ host: url.hostname, port: url.port, path, method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: RawAnswer["body"];
          try {
            parsed = JSON.parse(text) as RawAnswer["body"];
          } catch {
            parsed = { raw: text };
          }
          const warnings = (res.headersDistinct.warning ?? []).flatMap((w) => {
            const m = WARNING.exec(w);
            return m ? [(m[1] ?? "").replace(/\\(.)/g, "$1")] : [];
          });
          resolve({ status: res.statusCode ?? 0, body: parsed, warnings });
        });
      });
      req.on("error", reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  return { call, close: () => agent.destroy() };
}
