import { describe, expect, it } from "vitest";
import { CONFIRM_TTL_MS, confirmedManagers, issueConfirmation, type ConfirmScope } from "./confirm";

const scope: ConfirmScope = { who: "context admin", object: "HTTPRoute/ns/r", change: { spec: { rules: [] } } };
const conflicts = [
  { manager: "team-ci", field: ".spec.rules" },
  { manager: "team-ci", field: ".spec.hostnames" },
];

describe("confirmations", () => {
  it("name the managers of the conflict they were issued for", () => {
    expect(confirmedManagers(issueConfirmation(scope, conflicts), scope)).toEqual(new Set(["team-ci"]));
  });

  it("hold for that user, object and change only", () => {
    const t = issueConfirmation(scope, conflicts);
    for (const other of [
      { ...scope, who: "context viewer" },
      { ...scope, object: "HTTPRoute/ns/other" },
      { ...scope, change: { spec: { rules: [{}] } } },
    ]) {
      expect(confirmedManagers(t, other)).toBeUndefined();
    }
  });

  it("expire, and cannot be forged or edited", () => {
    const now = 1_000_000;
    const t = issueConfirmation(scope, conflicts, now);
    expect(confirmedManagers(t, scope, now + CONFIRM_TTL_MS + 1)).toBeUndefined();
    const [payload, mac] = t.split(".");
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), managers: ["team-ci", "kube-controller-manager"] }),
    ).toString("base64url");
    expect(confirmedManagers(`${widened}.${mac}`, scope, now)).toBeUndefined();
    for (const junk of ["", "x", "a.b", true, { managers: ["team-ci"] }]) expect(confirmedManagers(junk, scope, now)).toBeUndefined();
  });
});
