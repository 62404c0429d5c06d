package features

type FeatureName string

const (
	SupportGateway   FeatureName = "Gateway"
	SupportHTTPRoute FeatureName = "HTTPRoute"
)
