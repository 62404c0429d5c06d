// A stand-in for sigs.k8s.io/gateway-api/apis/v1: only the names the sample test uses.
package v1

import "k8s.io/apimachinery/pkg/runtime/schema"

const GroupName = "gateway.networking.k8s.io"

var GroupVersion = schema.GroupVersion{Group: GroupName, Version: "v1"}

type (
	RouteConditionType    string
	RouteConditionReason  string
	ListenerConditionType string
	Namespace             string
	SectionName           string
	Group                 string
	Kind                  string
)

const (
	RouteConditionAccepted     RouteConditionType = "Accepted"
	RouteConditionResolvedRefs RouteConditionType = "ResolvedRefs"

	RouteReasonAccepted              RouteConditionReason = "Accepted"
	RouteReasonResolvedRefs          RouteConditionReason = "ResolvedRefs"
	RouteReasonNotAllowedByListeners RouteConditionReason = "NotAllowedByListeners"
)

const (
	ListenerConditionAccepted     ListenerConditionType = "Accepted"
	ListenerConditionResolvedRefs ListenerConditionType = "ResolvedRefs"
	ListenerConditionProgrammed   ListenerConditionType = "Programmed"
)

type RouteGroupKind struct {
	Group *Group
	Kind  Kind
}

type ListenerStatus struct {
	Name           SectionName
	SupportedKinds []RouteGroupKind
	AttachedRoutes int32
}
