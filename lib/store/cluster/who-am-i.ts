import type { KubeConfig } from "@kubernetes/client-node";
import { errorFromNetwork, errorFromStatus } from "../errors";
import type { Result } from "../types";
import { request } from "./transport";

export interface Identity {
  username: string;
  groups: string[];
}

/** Who the API server says these credentials are (a SelfSubjectReview, which every user may make). */
export async function whoAmI(kc: KubeConfig): Promise<Result<Identity>> {
  try {
    const res = await request(kc, {
      method: "POST",
      path: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
      body: JSON.stringify({ apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" }),
      contentType: "application/json",
      timeoutMs: 10_000,
    });
    if (res.status !== 201 && res.status !== 200) {
      if (res.status === 401)
        return { ok: false, error: { type: "Forbidden", message: "The API server does not accept this token (it is invalid or has expired)." } };
      return { ok: false, error: errorFromStatus(res.status, res.body) };
    }
    const info = (res.body as { status?: { userInfo?: { username?: string; groups?: string[] } } }).status?.userInfo;
    if (!info?.username) return { ok: false, error: { type: "Failed", message: "The API server's answer names no user." } };
    return { ok: true, value: { username: info.username, groups: info.groups ?? [] } };
  } catch (err) {
    return { ok: false, error: errorFromNetwork(err, kc.getCurrentCluster()?.server) };
  }
}
