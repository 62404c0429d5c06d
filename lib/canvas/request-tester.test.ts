import { describe, expect, it } from "vitest";
import { matchRequest } from "../gateway/match";
import { base, gateway, http, kube, route, service, to, GW_NS, NS } from "../gateway/testing/objects";
import type { HTTPRoute } from "../gateway/types.generated";
import { fromHTTPRoutes, moveRule } from "../graph";
import type { KindSnapshot } from "../store/types";
import { toFlow } from "./flow";
import { describeResult, testedNodes } from "./request-result";
import { concreteHost, decodeRequest, encodeRequest, parseHeaders, parseRequest, testerObjects, type TypedRequest } from "./request-tester";
import { routingTable } from "./routing-table";

const req = (url: string, headers = "", method = "GET"): TypedRequest => ({ method, url, headers });

describe("reading a typed request", () => {
  it("reads a full URL: host, path with its query, scheme, the scheme's port when a listener has it, and SNI", () => {
    const p = parseRequest(req("https://Shop.Example.com/api/v2?x=1&y=a%20b#frag", "X-Env: canary"), { listenerPorts: new Set([80, 443]) });
    expect(p).toEqual({
      ok: true,
      input: {
        host: "shop.example.com",
        path: "/api/v2?x=1&y=a%20b",
        method: "GET",
        headers: { "X-Env": "canary" },
        port: 443,
        scheme: "https",
        sni: "shop.example.com",
      },
      shown: "GET https://shop.example.com/api/v2?x=1&y=a%20b",
    });
    // No listener on 443: matchRequest picks the port (the Gateway's first listener).
    const noTls = parseRequest(req("https://shop.example.com/"), { listenerPorts: new Set([80]) });
    expect(noTls.ok && noTls.input.port).toBeUndefined();
  });

  it("takes a URL without a scheme, a bare path on the page's host, an explicit port, and normalises the path as a proxy does", () => {
    const bare = parseRequest(req("shop.example.com:8080/a/../bü"));
    expect(bare.ok && bare.input).toMatchObject({ host: "shop.example.com:8080", port: 8080, path: "/b%C3%BC" });
    expect(bare.ok && bare.input.scheme).toBeUndefined();
    const path = parseRequest(req("/docs?q=1", "", "post"), { defaultHost: "*.example.com" });
    expect(path.ok && path.input).toMatchObject({ host: "www.example.com", path: "/docs?q=1", method: "POST" });
    expect(parseRequest(req("shop.example.com")).ok && parseRequest(req("shop.example.com"))).toMatchObject({ input: { path: "/" } });
  });

  it("lets a Host header override the URL's host, as curl -H does; the URL's host stays the TLS server name", () => {
    const p = parseRequest(req("https://a.example.com/", "host: b.example.com"));
    expect(p.ok && p.input).toMatchObject({ host: "b.example.com", sni: "a.example.com", headers: {} });
    expect(p.ok && p.shown).toBe("GET https://a.example.com/ (Host: b.example.com)");
  });

  it("says what is wrong, and where", () => {
    expect(parseRequest(req(""))).toMatchObject({ ok: false, field: "url" });
    expect(parseRequest(req("/api"))).toMatchObject({ ok: false, field: "url", error: expect.stringContaining("host") });
    expect(parseRequest(req("ftp://x/"))).toMatchObject({ ok: false, field: "url", error: expect.stringContaining("ftp://") });
    expect(parseRequest(req("a b/"))).toMatchObject({ ok: false, field: "url" });
    expect(parseRequest(req("x.com:99999/"))).toMatchObject({ ok: false, field: "url" });
    expect(parseRequest(req("x.com/", "no colon here"))).toMatchObject({ ok: false, field: "headers", error: expect.stringContaining("line 1") });
    expect(parseRequest(req("x.com/", "", "GE T"))).toMatchObject({ ok: false, field: "method" });
  });

  it("joins repeated headers and skips blank lines", () => {
    expect(parseHeaders("A: 1\n\n a : 2 \r\nB:")).toEqual({ ok: true, headers: { A: "1, 2", B: "" } });
    expect(concreteHost("shop.example.com")).toBe("shop.example.com");
  });

  it("keeps the request in one readable URL parameter and reads it back", () => {
    const r = req("https://shop.example.com/api", "X-A: 1\n\nX-B: 2", "POST");
    expect(encodeRequest(r)).toBe("POST https://shop.example.com/api\nX-A: 1\nX-B: 2");
    expect(decodeRequest(encodeRequest(r))).toEqual({ method: "POST", url: "https://shop.example.com/api", headers: "X-A: 1\nX-B: 2" });
    expect(decodeRequest("shop.example.com/x")).toEqual({ method: "GET", url: "shop.example.com/x", headers: "" });
    expect(decodeRequest(null)).toBeUndefined();
  });
});

const snap = (kind: KindSnapshot["kind"], items: unknown[], state: KindSnapshot["state"] = "ready"): KindSnapshot => ({ kind, state, items: items.map(kube) });

describe("the objects asked about", () => {
  it("puts the draft in place of the stored route, and says what could not be read", () => {
    const stored = route("shop", { rules: [] });
    const draft = { ...(stored as unknown as HTTPRoute), spec: { ...(stored as unknown as HTTPRoute).spec, rules: [{ backendRefs: [to("app")] }] } };
    const { objects, notes, options, listenerPorts, loading } = testerObjects(
      [snap("HTTPRoute", [stored, route("other", {})]), snap("Gateway", [gateway("gw", [http()])]), snap("GatewayClass", [], "forbidden"), undefined],
      draft,
    );
    expect(objects.filter((o) => o.kind === "HTTPRoute").map((o) => o.metadata.name)).toEqual(["other", "shop"]);
    expect(objects.find((o) => o.metadata.name === "shop")?.["spec"]).toEqual(draft.spec);
    expect(notes).toEqual(["GatewayClasses could not be read (forbidden).", "Their GatewayClasses are taken as accepted."]);
    expect(options.acceptedClasses).toEqual(["test"]);
    expect([...listenerPorts]).toEqual([80]);
    expect(loading).toBe(true);
    expect(testerObjects([snap("HTTPRoute", [])]).loading).toBe(false);
  });
});

const shop = (rules: HTTPRoute["spec"]["rules"], name = "shop") => route(name, { hostnames: ["shop.example.com"], rules }) as unknown as HTTPRoute;

describe("the answer in words, and on the canvas", () => {
  const objects = [
    ...base(),
    service("users-v2"),
    service("users-v3"),
    kube(
      shop([
        { matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [to("app")] },
        {
          matches: [{ path: { type: "PathPrefix", value: "/api" } }],
          backendRefs: [to("users-v2", { weight: 90 }), to("users-v3", { weight: 10 }), to("gone", { weight: 0 })],
        },
        {
          matches: [{ path: { type: "PathPrefix", value: "/old" } }],
          filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }],
        },
        { matches: [{ path: { type: "Exact", value: "/broken" } }], backendRefs: [to("missing")] },
      ]),
    ),
  ];
  const routes = objects.filter((o) => o.kind === "HTTPRoute") as unknown as HTTPRoute[];
  const ask = (url: string) => {
    const p = parseRequest(req(url), { listenerPorts: new Set([80]) });
    if (!p.ok) throw new Error(p.error);
    const result = matchRequest(objects, p.input);
    return { result, view: describeResult(result, p.shown, routes, p.input.scheme) };
  };

  it("names the route, the rule (from 1, with its match) and the backends with their shares", () => {
    const { view } = ask("http://shop.example.com/api/v2");
    expect(view.headline).toBe(`GET http://shop.example.com/api/v2 → HTTPRoute ${NS}/shop, rule 2 (PathPrefix /api), backends: users-v2 90 %, users-v3 10 %`);
    expect(view).toMatchObject({ status: 200, tone: "ok", code: "200 OK", route: { namespace: NS, name: "shop", rule: 2 } });
    expect(view.backends.map((b) => [b.name, b.share, b.served, b.note])).toEqual([
      ["users-v2:8080", "90 %", true, undefined],
      ["users-v3:8080", "10 %", true, undefined],
      ["gone:8080", "0 %", false, expect.stringContaining("500")],
    ]);
    expect(view.details).toContainEqual({ label: "Gateway", value: `${GW_NS}/gw` });
    expect(view.details).toContainEqual({ label: "Listener", value: "http (HTTP :80)" });
  });

  it("says 404, 500 and a redirect with its Location", () => {
    expect(ask("http://nobody.example.com/").view).toMatchObject({ status: 404, tone: "error", code: "404 Not Found" });
    expect(ask("http://nobody.example.com/").view.headline).toMatch(/→ 404 Not Found: /);
    const broken = ask("http://shop.example.com/broken").view;
    expect(broken.headline).toBe(
      `GET http://shop.example.com/broken → 500: HTTPRoute ${NS}/shop, rule 4 (Exact /broken) has no valid backend (missing: BackendNotFound)`,
    );
    const moved = ask("http://shop.example.com/old/x?q=1").view;
    expect(moved).toMatchObject({ status: 301, tone: "redirect" });
    expect(moved.details).toContainEqual({ label: "Location", value: "https://shop.example.com/old/x?q=1" });
    expect(moved.headline).toContain("→ 301 redirect to https://shop.example.com/old/x?q=1");
  });

  it("warns when an https:// request found no HTTPS listener", () => {
    expect(ask("https://shop.example.com/").view.warnings[0]).toMatch(/No HTTPS listener/);
  });

  it("lights the Gateway, the hostname, the rule and the backends that get a share", () => {
    const { result } = ask("http://shop.example.com/api");
    const graph = fromHTTPRoutes(routes);
    const ids = graph.entries[0]?.ids;
    expect([...testedNodes(result, graph)].sort()).toEqual(
      [ids?.parents[0], ids?.hostnames[0], ids?.rules[1]?.id, ids?.rules[1]?.backends[0], ids?.rules[1]?.backends[1]].sort(),
    );
    expect(testedNodes(ask("http://nobody.example.com/").result, graph).size).toBe(0);
    expect(testedNodes(result, fromHTTPRoutes([])).size).toBe(0);
  });
});

describe("shadowed rules say by what", () => {
  it("names the route and rule that win a shadowed rule's matches, in the table and on the rule node", () => {
    const older = {
      ...shop([{ matches: [{ path: { value: "/api" } }], backendRefs: [to("a")] }], "first"),
      metadata: { name: "first", namespace: "team-a", creationTimestamp: "2025-01-01T00:00:00Z" },
    };
    const later = {
      ...shop([{ matches: [{ path: { value: "/x" } }] }, { matches: [{ path: { value: "/api" } }], backendRefs: [to("b")] }], "later"),
      metadata: { name: "later", namespace: "team-b", creationTimestamp: "2026-01-01T00:00:00Z" },
    };
    const graph = fromHTTPRoutes([older, later]);
    const table = routingTable(graph);
    const lost = graph.entries[1]?.ids.rules[1]?.id ?? "";
    expect([...table.shadowedBy]).toEqual([[lost, ["team-a/first rule 1"]]]);
    const node = toFlow(graph, { gateways: [], shadowed: table.shadowed, shadowedBy: table.shadowedBy }).nodes.find((n) => n.id === lost);
    expect(node?.type === "rule" && node.data.shadowedBy).toEqual(["team-a/first rule 1"]);
    // Ids follow a moved rule: the verdict stays on the rule, not on its old place.
    const moved = routingTable(moveRule(graph, lost, 0));
    expect([...moved.shadowedBy]).toEqual([[lost, ["team-a/first rule 1"]]]);
    const redirect = shop([{ matches: [{ path: { value: "/old" } }], filters: [{ type: "RequestRedirect", requestRedirect: { statusCode: 301 } }] }]);
    expect(routingTable(fromHTTPRoutes([redirect])).rows[0]?.backends).toBe("redirect (301)");
  });
});
