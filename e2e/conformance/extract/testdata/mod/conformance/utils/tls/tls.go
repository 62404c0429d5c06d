// Signatures only: the extractor finds each helper's arguments by parameter type or name.
package tls

import (
	"testing"

	"sigs.k8s.io/gateway-api/conformance/utils/http"
)

func MakeTLSRequestAndExpectFailureResponse(t *testing.T, r any, gwAddr string, serverCertificate, clientCertificate, clientCertificateKey []byte, serverName string, expected http.ExpectedResponse) {
}
