package suite

import (
	"testing"

	"sigs.k8s.io/gateway-api/conformance/utils/kubernetes"
)

const (
	InfrastructureNamespace   = "gateway-conformance-infra"
	InfraBackendServiceNameV1 = "infra-backend-v1"
	InfraBackendServiceNameV2 = "infra-backend-" + "v2" // folded by the extractor
)

type ConformanceTestSuite struct {
	ControllerName string
	BaseManifests  string
}

func NewConformanceTestSuite() *ConformanceTestSuite {
	suite := &ConformanceTestSuite{}
	if suite.BaseManifests == "" {
		suite.BaseManifests = "base/sample-manifests.yaml"
	}
	return suite
}

// Setup creates objects from Go; the extractor lists their names (setup.go).
func (suite *ConformanceTestSuite) Setup(t *testing.T) {
	secret := kubernetes.MustCreateSelfSignedCertSecret(t, InfrastructureNamespace, "certificate", []string{"*"})
	_ = secret
	cm, ca, key := kubernetes.MustCreateCACertConfigMap(t, "web-"+"backend", "ca-"+InfraBackendServiceNameV1)
	_ = cm
	kubernetes.MustCreateCASignedClientCertSecret(t, InfrastructureNamespace, "client", ca, key) // issuer: the ConfigMap above
	kubernetes.MustCreateSelfSignedCertSecret(t, suite.ControllerName, "x", nil)                 // a run-time value: skipped
}

type ConformanceTest struct {
	ShortName   string
	Description string
	Features    []string
	Manifests   []string
	Test        func(*testing.T, *ConformanceTestSuite)
}
