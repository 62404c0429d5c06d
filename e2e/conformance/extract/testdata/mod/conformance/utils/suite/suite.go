package suite

import "testing"

const (
	InfrastructureNamespace   = "gateway-conformance-infra"
	InfraBackendServiceNameV1 = "infra-backend-v1"
	InfraBackendServiceNameV2 = "infra-backend-" + "v2" // folded by the extractor
)

type ConformanceTestSuite struct{ ControllerName string }

type ConformanceTest struct {
	ShortName   string
	Description string
	Features    []string
	Manifests   []string
	Test        func(*testing.T, *ConformanceTestSuite)
}
