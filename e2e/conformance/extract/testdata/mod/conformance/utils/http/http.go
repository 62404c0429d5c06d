package http

import "testing"

type Request struct {
	Host, Method, Path string
	Headers            map[string]string
}

type ExpectedRequest struct{ Request }

type Response struct {
	StatusCode  int
	StatusCodes []int
}

type ExpectedResponse struct {
	Request         Request
	ExpectedRequest *ExpectedRequest
	Response        Response
	Backend         string
	Namespace       string
}

func MakeRequestAndExpectEventuallyConsistentResponse(t *testing.T, r any, timeoutConfig any, gwAddr string, expected ExpectedResponse) {
}
