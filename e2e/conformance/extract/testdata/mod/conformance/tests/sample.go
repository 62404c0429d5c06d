// Sample conformance tests for extract_test.go. Each block exercises one resolution rule;
// the comment at the end of a line says what the extractor should make of it.
package tests

import (
	"fmt"
	"net"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	v1 "sigs.k8s.io/gateway-api/apis/v1"
	h "sigs.k8s.io/gateway-api/conformance/utils/http"
	"sigs.k8s.io/gateway-api/conformance/utils/kubernetes"
	confsuite "sigs.k8s.io/gateway-api/conformance/utils/suite"
	"sigs.k8s.io/gateway-api/conformance/utils/tls"
	"sigs.k8s.io/gateway-api/pkg/features"
)

const sharedPath = "/shared" // a constant of the tests package

var SampleRouting = confsuite.ConformanceTest{
	ShortName:   "SampleRouting",
	Description: "Sample " + "routing", // folded
	Features:    []features.FeatureName{features.SupportGateway, features.SupportHTTPRoute},
	Manifests:   []string{"tests/sample.yaml"},
	Test: func(t *testing.T, suite *confsuite.ConformanceTestSuite) {
		ns := v1.Namespace(confsuite.InfrastructureNamespace) // conversion of a module constant
		routeNN := types.NamespacedName{Name: "sample-route", Namespace: string(ns)}
		gwNN := types.NamespacedName{Name: "sample-gateway", Namespace: "gateway-conformance-infra"} // literal
		gwAddr := kubernetes.GatewayAndHTTPRoutesMustBeAccepted(t, suite.Client, suite.TimeoutConfig, suite.ControllerName, kubernetes.NewGatewayRef(gwNN, "http"), routeNN)

		notAllowed := metav1.Condition{
			Type:   string(v1.RouteConditionAccepted),
			Status: metav1.ConditionFalse,
			Reason: string(v1.RouteReasonNotAllowedByListeners),
		}
		kubernetes.HTTPRouteMustHaveCondition(t, suite.Client, suite.TimeoutConfig, routeNN, gwNN, notAllowed)

		for _, nn := range []types.NamespacedName{{Name: "loop-a", Namespace: string(ns)}, {Name: "loop-b", Namespace: string(ns)}} {
			kubernetes.HTTPRouteMustHaveResolvedRefsConditionsTrue(t, suite.Client, suite.TimeoutConfig, nn, gwNN) // once per item
		}

		kubernetes.GatewayStatusMustHaveListeners(t, suite.Client, suite.TimeoutConfig, gwNN, []v1.ListenerStatus{{
			Name:           v1.SectionName("http"),
			SupportedKinds: kinds(),
			AttachedRoutes: 2,
		}})

		testCases := []h.ExpectedResponse{{
			Request:   h.Request{Path: "/"},
			Backend:   confsuite.InfraBackendServiceNameV1,
			Namespace: string(ns),
		}, {
			Request:         h.Request{Host: "rewrite.example", Path: "/prefix/one", Headers: map[string]string{"X-Env": "test"}},
			ExpectedRequest: &h.ExpectedRequest{Request: h.Request{Path: "/one"}},
			Backend:         confsuite.InfraBackendServiceNameV2,
			Namespace:       string(ns),
		}, {
			Request:  h.Request{Path: sharedPath, Method: "POST"},
			Response: h.Response{StatusCodes: []int{404, 500}},
		}, {
			Request: h.Request{Path: fmt.Sprintf("/%d", 1)}, // skipped: a function call
		}}
		for i := range testCases {
			tc := testCases[i]
			t.Run(tc.GetTestCaseName(i), func(t *testing.T) {
				h.MakeRequestAndExpectEventuallyConsistentResponse(t, suite.RoundTripper, suite.TimeoutConfig, gwAddr, tc)
			})
		}

		unused := h.ExpectedResponse{Request: h.Request{Path: "/never-sent"}} // skipped: never sent
		_ = unused

		cond := notAllowed
		if len(testCases) > 3 {
			cond.Reason = "Other"
		}
		kubernetes.HTTPRouteMustHaveCondition(t, suite.Client, suite.TimeoutConfig, routeNN, gwNN, cond) // skipped: set in a branch
		kubernetes.GatewayMustHaveSomethingNew(t, gwNN)                                                  // skipped: not modelled
	},
}

var SampleChange = confsuite.ConformanceTest{
	ShortName: "SampleChange",
	Manifests: []string{"tests/sample.yaml"},
	Test: func(t *testing.T, s *confsuite.ConformanceTestSuite) {
		gwNN := types.NamespacedName{Name: "sample-gateway", Namespace: confsuite.InfrastructureNamespace}
		gwAddr, _ := kubernetes.WaitForGatewayAddress(t, s.Client, s.TimeoutConfig, kubernetes.NewGatewayRef(gwNN))
		gwAddr, _, _ = net.SplitHostPort(gwAddr) // still the gateway, without its port
		h.MakeRequestAndExpectEventuallyConsistentResponse(t, s.RoundTripper, s.TimeoutConfig, net.JoinHostPort(gwAddr, "8443"), h.ExpectedResponse{Request: h.Request{Path: "/split"}})
		clientPem, clientKey, _ := kubernetes.GetTLSSecret(s.Client, types.NamespacedName{Name: "client", Namespace: gwNN.Namespace})
		tls.MakeTLSRequestAndExpectFailureResponse(t, s.RoundTripper, gwAddr, nil, clientPem, clientKey, "tls.example", h.ExpectedResponse{Request: h.Request{Path: "/cert"}})
		s.Client.Patch(nil, nil) // later assertions carry afterChange
		kubernetes.HTTPRouteMustHaveResolvedRefsConditionsTrue(t, s.Client, s.TimeoutConfig, types.NamespacedName{Name: "after", Namespace: gwNN.Namespace}, gwNN)
	},
}

// SampleAlias reuses another test's function, as a few conformance tests do.
var SampleAlias = confsuite.ConformanceTest{ShortName: "SampleAlias", Test: SampleRouting.Test}

// kinds is a helper of the tests package; the extractor inlines it.
func kinds() []v1.RouteGroupKind {
	return []v1.RouteGroupKind{{Group: (*v1.Group)(&v1.GroupVersion.Group), Kind: v1.Kind("HTTPRoute")}}
}
