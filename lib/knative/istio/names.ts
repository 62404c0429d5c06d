// The names net-istio gives what it creates. Go measures and cuts strings in UTF-8 bytes and hashes
// their bytes, so these do too; Kubernetes names are ASCII, where bytes and characters agree.
import { md5 } from "@noble/hashes/legacy.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

const DNS1123_LABEL_MAX = 63;
// net-istio's own copy of Istio's label check (gateway.go isDNS1123Label): upper case is allowed.
const ISTIO_DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const LOCAL_GATEWAY_POSTFIX = "-local";

/** hash/adler32.Checksum of the UTF-8 bytes, as an unsigned 32-bit number. */
export function adler32(text: string): number {
  let a = 1;
  let b = 0;
  for (const byte of utf8ToBytes(text)) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return (b * 65536 + a) >>> 0;
}

function byteLength(s: string): number {
  return utf8ToBytes(s).length;
}

// s[:n] in Go for the ASCII names it is used on.
function headBytes(s: string, n: number): string {
  return new TextDecoder().decode(utf8ToBytes(s).subarray(0, n));
}

/** resources.isDNS1123Label (net-istio's, not apimachinery's: upper case passes). */
export function isIstioDNS1123Label(value: string): boolean {
  return byteLength(value) <= DNS1123_LABEL_MAX && ISTIO_DNS1123_LABEL.test(value);
}

/**
 * kmeta.ChildName: parent + suffix, unless that is over 63 bytes; then the parent is cut to
 * 31 - len(suffix) bytes and followed by its MD5 and the suffix. A suffix of 31 bytes or more
 * instead gets the MD5 of the whole, cut to 63 bytes, without trailing non-alphanumerics.
 */
export function childName(parent: string, suffix: string): string {
  const longest = 63;
  const head = longest - 32;
  const suffixLen = byteLength(suffix);
  if (byteLength(parent) <= longest - suffixLen) return parent + suffix;
  if (head - suffixLen > 0) return headBytes(parent, head - suffixLen) + md5Hex(parent) + suffix;
  let ret = (byteLength(parent) > head ? headBytes(parent, head) : parent) + md5Hex(parent + suffix);
  const room = longest - byteLength(ret);
  if (room > 0) ret += headBytes(suffix, room);
  // makeValidName.
  return ret.replace(/[^a-zA-Z0-9]+$/, "");
}

function md5Hex(s: string): string {
  return bytesToHex(md5(utf8ToBytes(s)));
}

/** names.MeshVirtualService. */
export function meshVirtualServiceName(ingressName: string): string {
  return childName(ingressName, "-mesh");
}

/** names.IngressVirtualService. */
export function ingressVirtualServiceName(ingressName: string): string {
  return childName(ingressName, "-ingress");
}

/**
 * resources.GatewayName: `<ingress name>-<adler32 of "svcNs/svcName">` (with `-local` for a
 * cluster-local gateway), the name cut so the whole stays a 63-byte label; a name that is not a
 * label is replaced by its own adler32.
 */
export function gatewayName(ingressName: string, clusterLocal: boolean, service: { namespace: string; name: string }): string {
  let prefix = isIstioDNS1123Label(ingressName) ? ingressName : String(adler32(ingressName));
  const key = `${service.namespace}/${service.name}${clusterLocal ? LOCAL_GATEWAY_POSTFIX : ""}`;
  const checksum = String(adler32(key));
  const maxPrefix = DNS1123_LABEL_MAX - checksum.length - 1;
  if (byteLength(prefix) > maxPrefix) prefix = headBytes(prefix, maxPrefix);
  return `${prefix}-${checksum}`;
}

/** resources.portNamePrefix: `<namespace>/<name>`, the name replaced by its adler32 when not a label. */
export function portNamePrefix(namespace: string, name: string): string {
  return `${namespace}/${isIstioDNS1123Label(name) ? name : String(adler32(name))}`;
}

/** resources.WildcardGatewayName: `wildcard-<adler32 in hex>`. */
export function wildcardGatewayName(secretName: string, serviceNamespace: string, serviceName: string): string {
  return `wildcard-${adler32(`${secretName}-${serviceNamespace}-${serviceName}`).toString(16)}`;
}

/** resources.targetSecret: a copied Secret is `<ingress name>-<origin secret uid>`. */
export function targetSecretName(ingressName: string, originUID: string): string {
  return `${ingressName}-${originUID}`;
}

/** resources.targetWildcardSecretName. */
export function targetWildcardSecretName(originName: string, originNamespace: string): string {
  return `${originNamespace}--${originName}-wildcard`;
}

/**
 * resources.MakeTargetSecretLabels' name label: a Secret name may be longer than a label value,
 * so one over 63 bytes is cut and followed by its adler32.
 */
export function originSecretNameLabel(originName: string): string {
  if (byteLength(originName) <= DNS1123_LABEL_MAX) return originName;
  const suffix = String(adler32(originName));
  return `${headBytes(originName, DNS1123_LABEL_MAX - suffix.length - 1)}-${suffix}`;
}

export function isLongSecretName(originName: string): boolean {
  return byteLength(originName) > DNS1123_LABEL_MAX;
}
