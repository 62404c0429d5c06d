package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// testdata/mod is a tiny stand-in for the gateway-api module (conformance inside it, the
// layout before v1.5); testdata/mod/conformance/tests/sample.go exercises the rules.
func sample(t *testing.T) map[string]*Test {
	t.Helper()
	out, err := extract("testdata/mod", "testdata/mod/conformance", "testdata/mod/conformance/tests")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*Test{}
	for _, tt := range out.Tests {
		byName[tt.Name] = tt
	}
	if len(byName) != 3 || out.Summary.Tests != 3 {
		t.Fatalf("want 3 tests, got %d", len(byName))
	}
	return byName
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestHeader(t *testing.T) {
	r := sample(t)["SampleRouting"]
	if r.Description != "Sample routing" || js(r.Features) != `["Gateway","HTTPRoute"]` || js(r.Manifests) != `["tests/sample.yaml"]` {
		t.Errorf("header: %q %v %v", r.Description, r.Features, r.Manifests)
	}
	if r.File != "conformance/tests/sample.go" {
		t.Errorf("file: %s", r.File)
	}
}

func TestConditions(t *testing.T) {
	r := sample(t)["SampleRouting"]
	var got []string
	for _, c := range r.Conditions {
		parent := ""
		if c.Parent != nil {
			parent = c.Parent.Name
		}
		got = append(got, strings.Join([]string{c.Assert, c.Kind, c.Object.Namespace, c.Object.Name, parent, js(c.Condition)}, " "))
	}
	want := []string{
		// implied by GatewayAndHTTPRoutesMustBeAccepted, types from the v1 constants
		`GatewayAndHTTPRoutesMustBeAccepted Listener gateway-conformance-infra sample-gateway  {"type":"ResolvedRefs","status":"True"}`,
		`GatewayAndHTTPRoutesMustBeAccepted Listener gateway-conformance-infra sample-gateway  {"type":"Accepted","status":"True"}`,
		`GatewayAndHTTPRoutesMustBeAccepted Listener gateway-conformance-infra sample-gateway  {"type":"Programmed","status":"True"}`,
		// a metav1.Condition variable; NamespacedName built from a converted suite constant
		`HTTPRouteMustHaveCondition HTTPRoute gateway-conformance-infra sample-route sample-gateway {"type":"Accepted","status":"False","reason":"NotAllowedByListeners"}`,
		// a range loop over a literal list: one case per item
		`HTTPRouteMustHaveResolvedRefsConditionsTrue HTTPRoute gateway-conformance-infra loop-a sample-gateway {"type":"ResolvedRefs","status":"True","reason":"ResolvedRefs"}`,
		`HTTPRouteMustHaveResolvedRefsConditionsTrue HTTPRoute gateway-conformance-infra loop-b sample-gateway {"type":"ResolvedRefs","status":"True","reason":"ResolvedRefs"}`,
	}
	if js(got) != js(want) {
		t.Errorf("conditions:\n got %s\nwant %s", strings.Join(got, "\n    "), strings.Join(want, "\n    "))
	}
}

func TestListenersAndParents(t *testing.T) {
	r := sample(t)["SampleRouting"]
	if len(r.Listeners) != 1 {
		t.Fatalf("listeners: %s", js(r.Listeners))
	}
	l := r.Listeners[0]
	// SupportedKinds comes from a package helper; Group from v1.GroupVersion.Group
	if l.Name != "http" || *l.AttachedRoutes != 2 || js(l.SupportedKinds) != `[{"group":"gateway.networking.k8s.io","kind":"HTTPRoute"}]` {
		t.Errorf("listener: %s", js(l))
	}
	want := `[{"assert":"GatewayAndHTTPRoutesMustBeAccepted","kind":"HTTPRoute","route":{"namespace":"gateway-conformance-infra","name":"sample-route"},` +
		`"parents":[{"parentRef":{"group":"gateway.networking.k8s.io","kind":"Gateway","namespace":"gateway-conformance-infra","name":"sample-gateway","sectionName":"http"},` +
		`"controllerName":"${controllerName}","conditions":[{"type":"Accepted","status":"True","reason":"Accepted"}]}],"namespaceRequired":false,"source":"sample.go:32"}]`
	if js(r.Parents) != want {
		t.Errorf("parents:\n got %s\nwant %s", js(r.Parents), want)
	}
}

func TestRequests(t *testing.T) {
	r := sample(t)["SampleRouting"]
	var got []string
	for _, q := range r.Requests {
		if q.Gateway == nil || q.Gateway.Name != "sample-gateway" || q.Via != "MakeRequestAndExpectEventuallyConsistentResponse" {
			t.Errorf("request gateway/via: %s", js(q))
		}
		got = append(got, js([]any{q.Request, q.ExpectedRequest, q.Response.StatusCode, q.Backend, q.Namespace, q.Source}))
	}
	want := []string{ // sources are the "{" of each element of the table
		`[{"path":"/"},null,200,"infra-backend-v1","gateway-conformance-infra","sample.go:51"]`,
		`[{"host":"rewrite.example","path":"/prefix/one","headers":{"X-Env":"test"}},{"path":"/one"},200,"infra-backend-v2","gateway-conformance-infra","sample.go:55"]`,
		`[{"path":"/shared","method":"POST"},null,[404,500],"","","sample.go:60"]`,
	}
	if js(got) != js(want) {
		t.Errorf("requests:\n got %s\nwant %s", strings.Join(got, "\n    "), strings.Join(want, "\n    "))
	}
}

func TestSkipped(t *testing.T) {
	r := sample(t)["SampleRouting"]
	want := map[string]string{
		"sample.go:63": "Request.Path: result of fmt.Sprintf()",
		"sample.go:73": "not handed to a request helper the extractor follows",
		"sample.go:80": "condition: cond is changed inside a loop or branch at sample.go:78",
		"sample.go:81": "assertion helper not modelled by the extractor",
	}
	for _, s := range r.Skipped {
		if want[s.Source] != s.Why {
			t.Errorf("unexpected skip %s", js(s))
		}
		delete(want, s.Source)
	}
	for src, why := range want {
		t.Errorf("missing skip %s: %s", src, why)
	}
}

func TestReuseAndChanges(t *testing.T) {
	tests := sample(t)
	if a, r := tests["SampleAlias"], tests["SampleRouting"]; len(a.Requests) != len(r.Requests) || len(a.Conditions) != len(r.Conditions) {
		t.Errorf("SampleAlias should assert what SampleRouting does: %d/%d requests", len(a.Requests), len(r.Requests))
	}
	c := tests["SampleChange"].Conditions
	if len(c) != 1 || c[0].AfterChange != "sample.go:95" || c[0].Object.Name != "after" {
		t.Errorf("afterChange: %s", js(c))
	}
	// net.SplitHostPort then net.JoinHostPort keep the gateway and take the new port.
	q := tests["SampleChange"].Requests
	if len(q) != 2 || q[0].Gateway == nil || q[0].Gateway.Name != "sample-gateway" || q[0].Port != "8443" || q[0].AfterChange != "" || q[0].ClientCertificate != nil {
		t.Errorf("split address: %s", js(q))
	}
	// The client certificate a TLS helper presents is named by the Secret GetTLSSecret read.
	if len(q) == 2 && (js(q[1].ClientCertificate) != `{"namespace":"gateway-conformance-infra","name":"client"}` || q[1].TLSServerName != "tls.example" || q[1].Expect != "failure") {
		t.Errorf("client certificate: %s", js(q[1]))
	}
}

func TestSetup(t *testing.T) {
	out, err := extract("testdata/mod", "testdata/mod/conformance", "testdata/mod/conformance/tests")
	if err != nil {
		t.Fatal(err)
	}
	s := out.Setup
	if out.BaseManifests != "base/sample-manifests.yaml" || s.BaseManifests != out.BaseManifests {
		t.Errorf("baseManifests: %q", out.BaseManifests)
	}
	wantSecrets := `[{"namespace":"gateway-conformance-infra","name":"certificate","helper":"MustCreateSelfSignedCertSecret","source":"utils/suite/suite.go:30"},` +
		`{"namespace":"gateway-conformance-infra","name":"client","helper":"MustCreateCASignedClientCertSecret","issuer":{"namespace":"web-backend","name":"ca-infra-backend-v1"},"source":"utils/suite/suite.go:34"}]`
	wantCMs := `[{"namespace":"web-backend","name":"ca-infra-backend-v1","helper":"MustCreateCACertConfigMap","source":"utils/suite/suite.go:32"}]`
	if js(s.Secrets) != wantSecrets || js(s.ConfigMaps) != wantCMs {
		t.Errorf("setup objects:\n got %s %s\nwant %s %s", js(s.Secrets), js(s.ConfigMaps), wantSecrets, wantCMs)
	}
	if len(s.Skipped) != 1 || s.Skipped[0].Source != "utils/suite/suite.go:35" || s.Skipped[0].Why != "namespace: the suite's controllerName, known at run time" {
		t.Errorf("setup skipped: %s", js(s.Skipped))
	}
	if out.Summary.SetupSecrets != 2 || out.Summary.SetupConfigMaps != 1 || !strings.HasSuffix(out.ConformanceDir, "testdata/mod/conformance") {
		t.Errorf("summary/dir: %s %s", js(out.Summary), out.ConformanceDir)
	}
}
