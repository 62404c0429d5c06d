package main

// The values the evaluator computes. Go values the conformance tests build from literals
// map to plain Go values here (string, int64, bool, []any, map[string]any, *record); what
// only exists at run time, or what this extractor does not follow, becomes an unres that
// carries the reason, so that it can be reported in "skipped".

import (
	"go/ast"
	"go/token"
	"sort"
)

type unres struct{ why string }

// record is a struct literal. typ is "importpath.Name" so that callers can tell a
// metav1.Condition from a types.NamespacedName whatever the file's import names are.
type record struct {
	typ string
	f   map[string]any
	pos token.Pos
}

// each stands for "one of items": the variable of a range loop over a list the extractor
// knows. Assertions that use it are recorded once per item.
type each struct {
	id    int
	items []any
}

// rangeIdx is the index variable of such a loop, so that list[i] becomes an each.
type rangeIdx struct{ id, n int }

// placeholder is a run-time value whose meaning is known, e.g. the implementation's
// controller name; it is written to the JSON as "${name}".
type placeholder string

// addr is what GatewayAnd*RoutesMustBeAccepted returns: the address of a Gateway.
type addr struct {
	gw   any // a types.NamespacedName record
	port any
}

// secretData is what kubernetes.GetTLSSecret reads: the certificate (or key) of one Secret,
// known by name only. The TLS helpers take it as the client certificate they present.
type secretData struct{ nn any }

type opaque string // t *testing.T and other run-time objects
type suiteVal struct{}
type typeVal struct{ name string }
type tuple []any

type fnVal struct {
	decl *ast.FuncDecl
	file *fileInfo
}

type litFn struct {
	lit  *ast.FuncLit
	sc   *scope
	file *fileInfo
}

type extFn struct{ path, name string }

const (
	metaV1     = "k8s.io/apimachinery/pkg/apis/meta/v1"
	tCondition = metaV1 + ".Condition"
	tNN        = "k8s.io/apimachinery/pkg/types.NamespacedName"
	httpPkg    = confModule + "/utils/http"
	tExpResp   = httpPkg + ".ExpectedResponse"
	suitePkg   = confModule + "/utils/suite"
	kubePkg    = confModule + "/utils/kubernetes"
	apiV1      = apiModule + "/apis/v1"
)

// metav1's condition statuses: apimachinery is not part of the gateway-api modules, so
// these three well-known values are the only ones written here by hand.
var outsideConsts = map[string]any{
	metaV1 + ".ConditionTrue":    "True",
	metaV1 + ".ConditionFalse":   "False",
	metaV1 + ".ConditionUnknown": "Unknown",
}

var builtinTypes = map[string]bool{
	"string": true, "bool": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"float32": true, "float64": true, "byte": true, "rune": true, "any": true, "error": true,
}

// mapv applies f to a value, or to every item of an each.
func mapv(v any, f func(any) any) any {
	if e, ok := v.(each); ok {
		items := make([]any, len(e.items))
		for i, it := range e.items {
			items[i] = f(it)
		}
		return each{id: e.id, items: items}
	}
	return f(v)
}

// eachIDs lists the loops a value depends on, so that an assertion can be expanded.
func eachIDs(v any, ids map[int]int) {
	switch v := v.(type) {
	case each:
		ids[v.id] = len(v.items)
		for _, it := range v.items {
			eachIDs(it, ids)
		}
	case rangeIdx:
		ids[v.id] = v.n
	case *record:
		for _, x := range v.f {
			eachIDs(x, ids)
		}
	case []any:
		for _, x := range v {
			eachIDs(x, ids)
		}
	case tuple:
		for _, x := range v {
			eachIDs(x, ids)
		}
	case map[string]any:
		for _, x := range v {
			eachIDs(x, ids)
		}
	case addr:
		eachIDs(v.gw, ids)
		eachIDs(v.port, ids)
	}
}

// subst replaces the loop values with the item chosen for each loop.
func subst(v any, pick map[int]int) any {
	switch v := v.(type) {
	case each:
		if k, ok := pick[v.id]; ok && k < len(v.items) {
			return subst(v.items[k], pick)
		}
	case rangeIdx:
		if k, ok := pick[v.id]; ok {
			return int64(k)
		}
	case *record:
		r := &record{typ: v.typ, pos: v.pos, f: map[string]any{}}
		for k, x := range v.f {
			r.f[k] = subst(x, pick)
		}
		return r
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = subst(x, pick)
		}
		return out
	case tuple:
		return tuple(subst([]any(v), pick).([]any))
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			out[k] = subst(x, pick)
		}
		return out
	case addr:
		return addr{gw: subst(v.gw, pick), port: subst(v.port, pick)}
	}
	return v
}

// expand returns one argument list per combination of the loops the arguments use.
func expand(args []any) [][]any {
	ids := map[int]int{}
	for _, a := range args {
		eachIDs(a, ids)
	}
	keys := make([]int, 0, len(ids))
	for id := range ids {
		keys = append(keys, id)
	}
	sort.Ints(keys) // loops in source order, so the output is stable
	picks := []map[int]int{{}}
	for _, id := range keys {
		n := ids[id]
		var next []map[int]int
		for _, p := range picks {
			for k := 0; k < n; k++ {
				q := map[int]int{id: k}
				for a, b := range p {
					q[a] = b
				}
				next = append(next, q)
			}
		}
		picks = next
	}
	out := make([][]any, 0, len(picks))
	for _, p := range picks {
		row := make([]any, len(args))
		for i, a := range args {
			row[i] = subst(a, p)
		}
		out = append(out, row)
	}
	return out
}
