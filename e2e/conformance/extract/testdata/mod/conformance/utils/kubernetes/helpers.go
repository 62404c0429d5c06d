// Signatures only: the extractor finds each helper's arguments by parameter type or name.
package kubernetes

import (
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	gatewayv1 "sigs.k8s.io/gateway-api/apis/v1"
)

type GatewayRef struct{ types.NamespacedName }

func NewGatewayRef(nn types.NamespacedName, listenerNames ...string) GatewayRef { return GatewayRef{} }

func GatewayAndHTTPRoutesMustBeAccepted(t *testing.T, c any, timeoutConfig any, controllerName string, gw GatewayRef, routeNNs ...types.NamespacedName) string {
	return ""
}

func HTTPRouteMustHaveCondition(t *testing.T, c any, timeoutConfig any, routeNN, gwNN types.NamespacedName, condition metav1.Condition) {
}

func HTTPRouteMustHaveResolvedRefsConditionsTrue(t *testing.T, c any, timeoutConfig any, routeNN, gwNN types.NamespacedName) {
}

func GatewayStatusMustHaveListeners(t *testing.T, c any, timeoutConfig any, gwNN types.NamespacedName, listeners []gatewayv1.ListenerStatus) {
}

func GatewayMustHaveSomethingNew(t *testing.T, gwNN types.NamespacedName) {}

func MustCreateSelfSignedCertSecret(t *testing.T, namespace, secretName string, hosts []string) any {
	return nil
}

func MustCreateCACertConfigMap(t *testing.T, namespace, configMapName string) (any, any, any) {
	return nil, nil, nil
}

func WaitForGatewayAddress(t *testing.T, client any, timeoutConfig any, gwRef GatewayRef) (string, error) {
	return "", nil
}

func MustCreateCASignedClientCertSecret(t *testing.T, namespace, secretName string, ca any, caPrivKey any) any {
	return nil
}

func GetTLSSecret(client any, secretName types.NamespacedName) ([]byte, []byte, error) {
	return nil, nil, nil
}
