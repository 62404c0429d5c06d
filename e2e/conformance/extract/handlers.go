package main

// What each status assertion of conformance/utils/kubernetes checks. Arguments are found
// by the type or name of the helper's parameters, read from its declaration in the module. Helpers that imply a condition name it
// by its apis/v1 constant, looked up in the module, so no string value is copied here.

import (
	"go/ast"
	"strings"
)

var handlers = map[string]handler{}

// ignored helpers are setup or data fetches, not status assertions.
var ignored = map[string]bool{"NamespacesMustBeReady": true, "MeshNamespacesMustBeReady": true}

type call struct {
	name   string
	c      *ast.CallExpr
	args   []any
	params []param // the helper's declared parameters, nil outside the modules
}

// arg is the i-th argument, for helpers outside the modules (net, ptr).
func (a call) arg(i int) any {
	if i < len(a.args) {
		return a.args[i]
	}
	return nil
}

// nth is the argument of the n-th parameter of type typ (pointer or not).
func (a call) nth(typ string, n int) any {
	for i, p := range a.params {
		if strings.TrimPrefix(p.typ, "*") == typ && !p.variadic {
			if n == 0 {
				return a.arg(i)
			}
			n--
		}
	}
	return unres{a.name + " has no parameter of type " + shortType(typ) + " in this release"}
}

// named is the argument of the parameter called name.
func (a call) named(name string) any {
	for i, p := range a.params {
		if p.name == name {
			return a.arg(i)
		}
	}
	return unres{a.name + " has no parameter " + name + " in this release"}
}

func (a call) has(name string) bool {
	for _, p := range a.params {
		if p.name == name {
			return true
		}
	}
	return false
}

// rest is what the trailing variadic parameter received.
func (a call) rest() []any {
	if n := len(a.params); n > 0 && a.params[n-1].variadic && n-1 <= len(a.args) {
		return a.args[n-1:]
	}
	return nil
}

func reg(pkgPath, name string, h func(e *ev, a call) any) {
	handlers[pkgPath+"."+name] = func(e *ev, c *ast.CallExpr, args []any) any {
		return h(e, call{name: name, c: c, args: args, params: e.l.params(pkgPath, name)})
	}
}

// Parameter types the handlers look for.
const (
	pNN        = tNN
	pCond      = tCondition
	pConds     = "[]" + tCondition
	pGwRef     = kubePkg + ".GatewayRef"
	pResRef    = kubePkg + ".ResourceRef"
	pGroupKind = "k8s.io/apimachinery/pkg/runtime/schema.GroupKind"
)

// cond emits one or more condition cases, or one skip naming what was not known.
func (e *ev) conds(a call, build func() ([]Condition, error)) {
	cs, err := build()
	if err != nil {
		e.skip(a.c.Pos(), a.name, err.Error())
		return
	}
	for _, c := range cs {
		c.Assert, c.Source, c.AfterChange = a.name, e.l.pos(a.c.Pos()), e.out.changedAt
		e.out.Conditions = append(e.out.Conditions, c)
	}
}

// apiCond builds a condition from apis/v1 constant names (reason "" means any).
func (e *ev) apiCond(typ, status, reason string) (Cond, error) {
	c := Cond{Status: outsideConsts[metaV1+".Condition"+status].(string)}
	var err error
	if c.Type, err = str(e.member(apiV1, typ), "v1."+typ); err != nil || reason == "" {
		return c, err
	}
	c.Reason, err = str(e.member(apiV1, reason), "v1."+reason)
	return c, err
}

func init() {
	for _, k := range []string{"HTTPRoute", "TCPRoute", "UDPRoute", "TLSRoute", "BackendTLSPolicy"} {
		reg(kubePkg, k+"MustHaveCondition", routeCond(k, nil))
	}
	reg(kubePkg, "HTTPRouteMustHaveResolvedRefsConditionsTrue", routeCond("HTTPRoute", [][3]string{{"RouteConditionResolvedRefs", "True", "RouteReasonResolvedRefs"}}))
	reg(kubePkg, "TLSRouteMustHaveResolvedRefsConditionsTrue", routeCond("TLSRoute", [][3]string{{"RouteConditionResolvedRefs", "True", "RouteReasonResolvedRefs"}}))
	reg(kubePkg, "HTTPRouteMustHaveResolvedRefsMustHaveBackendsNotFound", routeCond("HTTPRoute", [][3]string{{"RouteConditionResolvedRefs", "False", "RouteReasonBackendNotFound"}}))
	reg(kubePkg, "HTTPRouteMustHaveRouteAcceptedConditionsTrue", routeCond("HTTPRoute", [][3]string{{"RouteConditionAccepted", "True", "RouteReasonAccepted"}}))
	reg(kubePkg, "HTTPRouteMustBeAcceptedAndResolved", routeCond("HTTPRoute", [][3]string{{"RouteConditionAccepted", "True", "RouteReasonAccepted"}, {"RouteConditionResolvedRefs", "True", "RouteReasonResolvedRefs"}}))
	reg(kubePkg, "BackendTLSPolicyMustHaveAcceptedConditionTrue", routeCond("BackendTLSPolicy", [][3]string{{"PolicyConditionAccepted", "True", "PolicyReasonAccepted"}}))
	reg(kubePkg, "GatewayMustHaveCondition", objectCond("Gateway"))
	reg(kubePkg, "ListenerSetMustHaveCondition", objectCond("ListenerSet"))
	for _, k := range []string{"HTTPRoute", "TCPRoute", "UDPRoute", "TLSRoute"} {
		// The route has no parent status, or a single parent that is not Accepted.
		reg(kubePkg, k+"MustHaveNoAcceptedParents", noAcceptedParents(k))
		reg(kubePkg, k+"MustHaveParents", routeParents(k))
	}
	reg(kubePkg, "RouteMustHaveParents", routeParents(""))
	for _, k := range []string{"Gateway", "GatewayClass", "HTTPRoute"} {
		reg(kubePkg, k+"MustHaveLatestConditions", latest(k))
	}
	reg(kubePkg, "BackendTLSPolicyMustHaveLatestConditions", func(e *ev, a call) any {
		e.skip(a.c.Pos(), a.name, "the policy is an object fetched at run time")
		return nil
	})
	reg(kubePkg, "GWCMustHaveAcceptedConditionTrue", gwcAccepted("True"))
	reg(kubePkg, "GWCMustHaveAcceptedConditionAny", gwcAccepted(""))
	reg(kubePkg, "GatewayListenersMustHaveConditions", listenerConds("Gateway"))
	reg(kubePkg, "ListenerSetListenersMustHaveConditions", listenerConds("ListenerSet"))
	reg(kubePkg, "GatewayListenerMustHaveConditions", listenerConds("Gateway"))
	reg(kubePkg, "ResourceListenersMustHaveConditions", listenerConds(""))
	reg(kubePkg, "GatewayStatusMustHaveListeners", statusListeners("Gateway"))
	reg(kubePkg, "ListenerSetStatusMustHaveListeners", statusListeners("ListenerSet"))
	reg(kubePkg, "GatewayMustHaveZeroRoutes", zeroRoutes)
	reg(kubePkg, "GatewayMustHaveAttachedListeners", attachedListeners)
	reg(kubePkg, "NewGatewayRef", func(e *ev, a call) any { return newRef(e, "Gateway", a.nth(pNN, 0), a.rest()) })
	reg(kubePkg, "NewResourceRef", func(e *ev, a call) any {
		gk, _ := a.nth(pGroupKind, 0).(*record)
		kind := any(unres{"group kind of the resource"})
		if gk != nil {
			kind = gk.f["Kind"]
		}
		return newRef(e, kind, a.nth(pNN, 0), a.rest())
	})
	reg(kubePkg, "WaitForGatewayAddress", func(e *ev, a call) any { return tuple{refAddr(a.nth(pGwRef, 0)), nil} })
	for _, k := range []string{"HTTPRoute", "UDPRoute", "TCPRoute", "TLSRoute"} {
		k := k
		reg(kubePkg, "GatewayAnd"+k+"sMustBeAccepted", func(e *ev, a call) any {
			e.routesAccepted(a, k, a.named("controllerName"), a.nth(pGwRef, 0), a.rest())
			if k == "TLSRoute" { // it also returns the hostnames it found
				return tuple{refAddr(a.nth(pGwRef, 0)), unres{"hostnames read at run time"}}
			}
			return refAddr(a.nth(pGwRef, 0))
		})
	}
	reg(kubePkg, "GatewayAndRoutesMustBeAccepted", func(e *ev, a call) any {
		e.routesAccepted(a, routeKind(a.nth("any", 0)), a.named("controllerName"), a.nth(pGwRef, 0), a.rest())
		return refAddr(a.nth(pGwRef, 0))
	})
	reg(kubePkg, "RoutesAndParentMustBeAccepted", func(e *ev, a call) any {
		e.routesAccepted(a, routeKind(a.nth("any", 0)), a.named("controllerName"), a.nth(pResRef, 0), a.rest())
		return nil
	})
}

func routeCond(kind string, implied [][3]string) func(e *ev, a call) any {
	return func(e *ev, a call) any {
		e.conds(a, func() ([]Condition, error) {
			obj, err := toNN(a.nth(pNN, 0), "object")
			if err != nil {
				return nil, err
			}
			gw, err := toNN(a.nth(pNN, 1), "parent")
			if err != nil {
				return nil, err
			}
			var cs []Cond
			if implied == nil {
				c, err := toCond(a.nth(pCond, 0), "condition")
				if err != nil {
					return nil, err
				}
				cs = append(cs, c)
			}
			for _, im := range implied {
				c, err := e.apiCond(im[0], im[1], im[2])
				if err != nil {
					return nil, err
				}
				cs = append(cs, c)
			}
			var out []Condition
			for i := range cs {
				out = append(out, Condition{Kind: kind, Object: obj, Parent: &ParentRef{Namespace: gw.Namespace, Name: gw.Name}, Condition: &cs[i]})
			}
			return out, nil
		})
		return nil
	}
}

func objectCond(kind string) func(e *ev, a call) any {
	return func(e *ev, a call) any {
		e.conds(a, func() ([]Condition, error) {
			obj, err := toNN(a.nth(pNN, 0), "object")
			if err != nil {
				return nil, err
			}
			c, err := toCond(a.nth(pCond, 0), "condition")
			return []Condition{{Kind: kind, Object: obj, Condition: &c}}, err
		})
		return nil
	}
}

func noAcceptedParents(kind string) func(e *ev, a call) any {
	return func(e *ev, a call) any {
		e.conds(a, func() ([]Condition, error) {
			obj, err := toNN(a.nth(pNN, 0), "object")
			if err != nil {
				return nil, err
			}
			c, err := e.apiCond("RouteConditionAccepted", "False", "")
			return []Condition{{Kind: kind, Object: obj, Condition: &c}}, err
		})
		return nil
	}
}

func latest(kind string) func(e *ev, a call) any {
	return func(e *ev, a call) any {
		e.conds(a, func() ([]Condition, error) {
			obj, err := toNN(a.nth(pNN, 0), "object")
			return []Condition{{Kind: kind, Object: obj, LatestGeneration: true}}, err
		})
		return nil
	}
}

func gwcAccepted(status string) func(e *ev, a call) any {
	return func(e *ev, a call) any {
		e.conds(a, func() ([]Condition, error) {
			name, err := str(a.named("gwcName"), "gatewayClass")
			if err != nil {
				return nil, err
			}
			c := Cond{Status: status}
			c.Type, err = str(e.member(apiV1, "GatewayClassConditionStatusAccepted"), "v1.GatewayClassConditionStatusAccepted")
			return []Condition{{Kind: "GatewayClass", Object: NN{Name: name}, Condition: &c}}, err
		})
		return placeholder("controllerName")
	}
}

// listenerConds: the conditions every listener (or the named ones) of a Gateway,
// ListenerSet or kubernetes.ResourceRef must have.
func listenerConds(objectKind string) func(e *ev, a call) any {
	return func(e *ev, a call) any {
		e.conds(a, func() ([]Condition, error) {
			okind, objArg := objectKind, a.nth(pNN, 0)
			if okind == "" { // a kubernetes.ResourceRef carries its kind
				objArg = a.nth(pResRef, 0)
				r, err := rec(objArg, "resource")
				if err != nil {
					return nil, err
				}
				if okind, err = str(r.f["Kind"], "resource.Kind"); err != nil {
					return nil, err
				}
			}
			obj, err := toNN(objArg, "object")
			if err != nil {
				return nil, err
			}
			conds, err := toConds(a.nth(pConds, 0), "conditions")
			if err != nil {
				return nil, err
			}
			names := a.rest()
			if a.has("lName") {
				names = append(names, a.named("lName"))
			}
			var listeners []string
			for _, n := range names {
				s, err := str(n, "listener")
				if err != nil {
					return nil, err
				}
				listeners = append(listeners, s)
			}
			if len(listeners) == 0 {
				listeners = []string{""}
			}
			var out []Condition
			for _, l := range listeners {
				for i := range conds {
					out = append(out, Condition{Kind: "Listener", ObjectKind: okind, Object: obj, Listener: l, Condition: &conds[i]})
				}
			}
			return out, nil
		})
		return nil
	}
}

func routeKind(v any) string {
	if r, ok := v.(*record); ok && strings.HasPrefix(r.typ, apiModule+"/apis/") {
		return r.typ[strings.LastIndex(r.typ, ".")+1:]
	}
	return ""
}
