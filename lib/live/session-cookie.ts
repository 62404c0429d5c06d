/** The cookie that remembers which kubeconfig context a browser chose (a name, no secret). */
export const CONTEXT_COOKIE = "routeboard-context";
