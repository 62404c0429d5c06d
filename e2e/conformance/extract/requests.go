package main

// Request cases: an http.ExpectedResponse handed to one of the request helpers below.
// Every field of the ExpectedResponse is carried over; a field the extractor does not
// know (a newer suite) skips the case rather than dropping part of the expectation.

import (
	"errors"
	"sort"
)

type Req struct {
	Host             string            `json:"host,omitempty"`
	Path             string            `json:"path,omitempty"`
	Method           string            `json:"method,omitempty"`
	Headers          map[string]string `json:"headers,omitempty"`
	Protocol         string            `json:"protocol,omitempty"`
	Body             string            `json:"body,omitempty"`
	SNI              string            `json:"sni,omitempty"`
	ClientCert       string            `json:"clientCert,omitempty"`
	UnfollowRedirect bool              `json:"unfollowRedirect,omitempty"`
	AbsentHeaders    []string          `json:"absentHeaders,omitempty"` // expectedRequest only
	HTTPPort         string            `json:"httpPort,omitempty"`      // expectedRequest only
}

type Resp struct {
	StatusCode        any                 `json:"statusCode"` // a number, or a list of accepted ones
	Headers           map[string]string   `json:"headers,omitempty"`
	ValidHeaderValues map[string][]string `json:"validHeaderValues,omitempty"`
	AbsentHeaders     []string            `json:"absentHeaders,omitempty"`
	Protocol          string              `json:"protocol,omitempty"`
	IgnoreWhitespace  bool                `json:"ignoreWhitespace,omitempty"`
}

type Redirect struct {
	Scheme string `json:"scheme,omitempty"`
	Host   string `json:"host,omitempty"`
	Port   string `json:"port,omitempty"`
	Path   string `json:"path,omitempty"`
}

type Mirror struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
	Percent   *int64 `json:"percent,omitempty"`
}

type Request struct {
	Request                   Req               `json:"request"`
	ExpectedRequest           *Req              `json:"expectedRequest,omitempty"`
	RedirectRequest           *Redirect         `json:"redirectRequest,omitempty"`
	Response                  Resp              `json:"response"`
	Backend                   string            `json:"backend,omitempty"`
	Namespace                 string            `json:"namespace,omitempty"`
	MirroredTo                []Mirror          `json:"mirroredTo,omitempty"`
	BackendSetResponseHeaders map[string]string `json:"backendSetResponseHeaders,omitempty"`
	ServerName                string            `json:"serverName,omitempty"`
	TLSServerName             string            `json:"tlsServerName,omitempty"` // SNI the TLS helpers dial with
	// ClientCertificate is the Secret whose certificate the TLS helpers present (absent: none).
	ClientCertificate *NN    `json:"clientCertificate,omitempty"`
	TestCaseName      string `json:"testCaseName,omitempty"`
	Expect            string `json:"expect,omitempty"` // "failure": no 200 once stable
	Gateway           *NN    `json:"gateway,omitempty"`
	Port              string `json:"port,omitempty"`
	AfterChange       string `json:"afterChange,omitempty"`
	Via               string `json:"via"`
	Source            string `json:"source"`
}

func init() {
	tlsPkg := confModule + "/utils/tls"
	reg(httpPkg, "MakeRequestAndExpectEventuallyConsistentResponse", requestCase(""))
	reg(httpPkg, "MakeRequestAndExpectFailure", requestCase("failure"))
	reg(httpPkg, "WaitForConsistentResponse", requestCase(""))
	reg(tlsPkg, "MakeTLSRequestAndExpectEventuallyConsistentResponse", requestCase(""))
	reg(tlsPkg, "MakeTLSRequestAndExpectFailureResponse", requestCase("failure"))
	reg(tlsPkg, "WaitForConsistentTLSResponse", requestCase(""))
	// MakeRequest only builds the request; remember the gateway for WaitFor*.
	reg(httpPkg, "MakeRequest", func(e *ev, a call) any {
		return &record{typ: "roundtripper.Request", f: map[string]any{"addr": a.named("gwAddr")}}
	})
	// net.JoinHostPort(gwAddr, "80") keeps the gateway and adds the port.
	reg("net", "JoinHostPort", func(e *ev, a call) any {
		if g, ok := a.arg(0).(addr); ok {
			return addr{gw: g.gw, port: a.arg(1)}
		}
		h, err1 := str(a.arg(0), "host")
		p, err2 := str(a.arg(1), "port")
		if err := errors.Join(err1, err2); err != nil {
			return unres{"net.JoinHostPort of " + err.Error()}
		}
		return h + ":" + p
	})
	// gwAddr, _, err = net.SplitHostPort(gwAddr) drops the port and keeps the gateway.
	reg("net", "SplitHostPort", func(e *ev, a call) any {
		if g, ok := a.arg(0).(addr); ok {
			return tuple{addr{gw: g.gw}, unres{"port of a gateway address, known at run time"}, nil}
		}
		return tuple{unres{"net.SplitHostPort of " + describe(a.arg(0))}, unres{"port"}, nil}
	})
	reg(kubePkg, "GetTLSSecret", func(e *ev, a call) any {
		d := secretData{nn: a.nth(pNN, 0)}
		return tuple{d, d, nil}
	})
	reg("k8s.io/utils/ptr", "To", func(e *ev, a call) any { return a.arg(0) })
}

// requestCase reads the ExpectedResponse, the gateway address (gwAddr, or the req that
// MakeRequest built from it) and the TLS helpers' serverName.
func requestCase(expect string) func(e *ev, a call) any {
	return func(e *ev, a call) any {
		v := a.nth(tExpResp, 0)
		pos := a.c.Pos()
		if r, ok := v.(*record); ok && r.pos.IsValid() {
			pos, e.out.used[r.pos] = r.pos, true
		}
		rq, err := toRequest(v)
		if err != nil {
			e.skip(pos, "ExpectedResponse", err.Error())
			return nil
		}
		rq.Expect, rq.Via, rq.Source, rq.AfterChange = expect, a.name, e.l.pos(pos), e.out.changedAt
		if a.has("serverName") {
			if rq.TLSServerName, err = str(a.named("serverName"), "TLS server name"); err != nil {
				e.skip(pos, "ExpectedResponse", err.Error())
				return nil
			}
		}
		if a.has("clientCertificate") {
			if rq.ClientCertificate, err = clientCert(a.named("clientCertificate")); err != nil {
				e.skip(pos, "ExpectedResponse", err.Error())
				return nil
			}
		}
		g := a.named("gwAddr")
		if !a.has("gwAddr") {
			g = a.named("req")
		}
		if r, ok := g.(*record); ok && r.typ == "roundtripper.Request" {
			g = r.f["addr"]
		}
		if ad, ok := g.(addr); ok { // which Gateway is asked, when the test says so plainly
			if nn, err := toNN(ad.gw, "gateway"); err == nil {
				rq.Gateway = &nn
			}
			rq.Port, _ = str(ad.port, "port")
		}
		key := rq.Source + jsonKey(rq)
		if !e.out.dedupe[key] {
			e.out.dedupe[key] = true
			e.out.Requests = append(e.out.Requests, rq)
		}
		return nil
	}
}

// fields reads the named string fields of r into dst, and fails on any field not named
// in known.
func fields(r *record, what string, strs map[string]*string, known ...string) error {
	ok := map[string]bool{}
	for _, k := range known {
		ok[k] = true
	}
	for _, k := range sortedKeys(r.f) {
		if dst, isStr := strs[k]; isStr {
			s, err := str(r.f[k], what+"."+k)
			if err != nil {
				return err
			}
			*dst = s
		} else if !ok[k] {
			return errors.New(what + "." + k + " is a field the extractor does not know")
		}
	}
	return nil
}

func toRequest(v any) (Request, error) {
	var q Request
	r, err := rec(v, "ExpectedResponse")
	if err != nil {
		return q, err
	}
	if err := fields(r, "", map[string]*string{"Backend": &q.Backend, "Namespace": &q.Namespace, "ServerName": &q.ServerName, "TestCaseName": &q.TestCaseName},
		"Request", "ExpectedRequest", "RedirectRequest", "Response", "MirroredTo", "BackendSetResponseHeaders"); err != nil {
		return q, err
	}
	if q.Request, err = toReq(r.f["Request"], "Request"); err != nil {
		return q, err
	}
	if x := r.f["ExpectedRequest"]; x != nil {
		er, err := rec(x, "ExpectedRequest")
		if err != nil {
			return q, err
		}
		inner, err := toReq(er.f["Request"], "ExpectedRequest.Request")
		if err != nil {
			return q, err
		}
		if err := fields(er, "ExpectedRequest", map[string]*string{"HTTPPort": &inner.HTTPPort}, "Request", "AbsentHeaders"); err != nil {
			return q, err
		}
		if inner.AbsentHeaders, err = strList(er.f["AbsentHeaders"], "ExpectedRequest.AbsentHeaders"); err != nil {
			return q, err
		}
		q.ExpectedRequest = &inner
	}
	if x := r.f["RedirectRequest"]; x != nil {
		rr, err := rec(x, "RedirectRequest")
		if err != nil {
			return q, err
		}
		var d Redirect
		if err := fields(rr, "RedirectRequest", map[string]*string{"Scheme": &d.Scheme, "Host": &d.Host, "Port": &d.Port, "Path": &d.Path}); err != nil {
			return q, err
		}
		q.RedirectRequest = &d
	}
	if q.Response, err = toResp(r.f["Response"]); err != nil {
		return q, err
	}
	if q.BackendSetResponseHeaders, err = strMap(r.f["BackendSetResponseHeaders"], "BackendSetResponseHeaders"); err != nil {
		return q, err
	}
	if x := r.f["MirroredTo"]; x != nil {
		l, ok := x.([]any)
		if !ok {
			return q, fail("MirroredTo", x)
		}
		for _, m := range l {
			mr, err := rec(m, "MirroredTo")
			if err != nil {
				return q, err
			}
			nn, err := toNN(mr.f["BackendRef"], "MirroredTo.BackendRef")
			if err != nil {
				return q, err
			}
			mo := Mirror{Name: nn.Name, Namespace: nn.Namespace}
			if mr.f["Percent"] != nil {
				p, err := num(mr.f["Percent"], "MirroredTo.Percent")
				if err != nil {
					return q, err
				}
				mo.Percent = &p
			}
			q.MirroredTo = append(q.MirroredTo, mo)
		}
	}
	return q, nil
}

func toReq(v any, what string) (Req, error) {
	var q Req
	if v == nil {
		return q, nil
	}
	r, err := rec(v, what)
	if err != nil {
		return q, err
	}
	if err := fields(r, what, map[string]*string{"Host": &q.Host, "Path": &q.Path, "Method": &q.Method, "Protocol": &q.Protocol,
		"Body": &q.Body, "SNI": &q.SNI, "ClientCert": &q.ClientCert}, "Headers", "UnfollowRedirect"); err != nil {
		return q, err
	}
	if q.Headers, err = strMap(r.f["Headers"], what+".Headers"); err != nil {
		return q, err
	}
	q.UnfollowRedirect, err = boolean(r.f["UnfollowRedirect"], what+".UnfollowRedirect")
	return q, err
}

func toResp(v any) (Resp, error) {
	var q Resp
	var codes []int64
	if v != nil {
		r, err := rec(v, "Response")
		if err != nil {
			return q, err
		}
		if err := fields(r, "Response", map[string]*string{"Protocol": &q.Protocol}, "StatusCode", "StatusCodes", "Headers",
			"ValidHeaderValues", "AbsentHeaders", "IgnoreWhitespace"); err != nil {
			return q, err
		}
		code, err := num(r.f["StatusCode"], "Response.StatusCode")
		if err != nil {
			return q, err
		}
		if l, ok := r.f["StatusCodes"].([]any); ok {
			for _, c := range l {
				n, err := num(c, "Response.StatusCodes")
				if err != nil {
					return q, err
				}
				codes = append(codes, n)
			}
		} else if r.f["StatusCodes"] != nil {
			return q, fail("Response.StatusCodes", r.f["StatusCodes"])
		}
		if code != 0 && !containsInt(codes, code) { // the suite merges the two fields so
			codes = append(codes, code)
		}
		if q.Headers, err = strMap(r.f["Headers"], "Response.Headers"); err != nil {
			return q, err
		}
		if q.AbsentHeaders, err = strList(r.f["AbsentHeaders"], "Response.AbsentHeaders"); err != nil {
			return q, err
		}
		if q.IgnoreWhitespace, err = boolean(r.f["IgnoreWhitespace"], "Response.IgnoreWhitespace"); err != nil {
			return q, err
		}
		if vh := r.f["ValidHeaderValues"]; vh != nil {
			m, ok := vh.(map[string]any)
			if !ok {
				return q, fail("Response.ValidHeaderValues", vh)
			}
			q.ValidHeaderValues = map[string][]string{}
			for k, x := range m {
				if q.ValidHeaderValues[k], err = strList(x, "Response.ValidHeaderValues"); err != nil {
					return q, err
				}
			}
		}
	}
	switch len(codes) { // no code at all means 200, as in the suite's MakeRequest
	case 0:
		q.StatusCode = 200
	case 1:
		q.StatusCode = codes[0]
	default:
		sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
		q.StatusCode = codes
	}
	return q, nil
}

func containsInt(l []int64, n int64) bool {
	for _, x := range l {
		if x == n {
			return true
		}
	}
	return false
}

func boolean(v any, what string) (bool, error) {
	switch v := v.(type) {
	case bool:
		return v, nil
	case nil:
		return false, nil
	}
	return false, fail(what, v)
}

func strList(v any, what string) ([]string, error) {
	if v == nil {
		return nil, nil
	}
	l, ok := v.([]any)
	if !ok {
		return nil, fail(what, v)
	}
	out := []string{}
	for _, x := range l {
		s, err := str(x, what)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func strMap(v any, what string) (map[string]string, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fail(what, v)
	}
	out := map[string]string{}
	for k, x := range m {
		s, err := str(x, what+"["+k+"]")
		if err != nil {
			return nil, err
		}
		out[k] = s
	}
	return out, nil
}

// clientCert names the Secret a TLS helper's clientCertificate comes from; nil is none.
func clientCert(v any) (*NN, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case secretData:
		nn, err := toNN(v.nn, "client certificate Secret")
		return &nn, err
	}
	return nil, fail("client certificate", v)
}
