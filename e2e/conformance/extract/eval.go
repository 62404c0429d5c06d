package main

// Expression evaluation over the syntax tree. It folds what a reader folds in their head:
// literals, constants of the gateway-api packages, local variables, struct/slice/map
// literals, conversions such as string(v1.RouteConditionAccepted), & and new(...), and
// calls of the tests package's own small helper functions. Anything else becomes an unres.

import (
	"fmt"
	"go/ast"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

type ev struct {
	l      *loader
	file   *fileInfo
	sc     *scope
	fn     *fnState
	depth  int
	nextID int
	out    *testOut
}

func (e *ev) eval(x ast.Expr) any {
	switch x := x.(type) {
	case *ast.BasicLit:
		return basicLit(x)
	case *ast.Ident:
		return e.ident(x.Name)
	case *ast.ParenExpr:
		return e.eval(x.X)
	case *ast.StarExpr: // a dereference: the extractor does not tell pointers from values
		return e.eval(x.X)
	case *ast.SelectorExpr:
		return e.selector(x)
	case *ast.CompositeLit:
		return e.composite(x, nil)
	case *ast.UnaryExpr:
		return e.unary(x)
	case *ast.BinaryExpr:
		return e.binary(x)
	case *ast.IndexExpr:
		return e.index(x)
	case *ast.CallExpr:
		return e.call(x)
	case *ast.FuncLit:
		return litFn{lit: x, sc: e.sc, file: e.file}
	}
	return unres{"a " + strings.TrimPrefix(typeOf(x), "*ast.") + " expression"}
}

func basicLit(x *ast.BasicLit) any {
	switch x.Kind {
	case token.STRING:
		if s, err := strconv.Unquote(x.Value); err == nil {
			return s
		}
	case token.INT:
		if n, err := strconv.ParseInt(x.Value, 0, 64); err == nil {
			return n
		}
	}
	return unres{"literal " + x.Value}
}

func (e *ev) ident(name string) any {
	if v, ok := e.sc.lookup(name); ok {
		return v
	}
	if d := e.file.pkg.decls[name]; d != nil {
		return e.declVal(d)
	}
	switch name {
	case "true", "false":
		return name == "true"
	case "nil":
		return nil
	}
	if builtinTypes[name] {
		return typeVal{name}
	}
	return unres{"unknown name " + name}
}

// declVal evaluates a package-level name once, in the context of the file declaring it.
func (e *ev) declVal(d *decl) any {
	switch {
	case d.fn != nil:
		return fnVal{decl: d.fn, file: d.file}
	case d.isTyp:
		return typeVal{d.file.pkg.path + "." + d.name}
	case d.done:
		return d.val
	case d.evaluating:
		return unres{"declaration refers to itself"}
	case d.expr == nil && d.isVar:
		return nil // zero value
	case d.expr == nil:
		return unres{"constant without a value (iota)"}
	}
	d.evaluating = true
	saved := *e
	e.file, e.sc, e.fn = d.file, nil, nil
	d.val = e.eval(d.expr)
	e.file, e.sc, e.fn = saved.file, saved.sc, saved.fn
	d.evaluating, d.done = false, true
	return d.val
}

// importOf tells whether x names an imported package in the current file.
func (e *ev) importOf(x ast.Expr) (string, bool) {
	id, ok := x.(*ast.Ident)
	if !ok {
		return "", false
	}
	if _, local := e.sc.lookup(id.Name); local || e.file.pkg.decls[id.Name] != nil {
		return "", false
	}
	ip, ok := e.file.imports[id.Name]
	return ip, ok
}

func (e *ev) selector(x *ast.SelectorExpr) any {
	if ip, ok := e.importOf(x.X); ok {
		return e.member(ip, x.Sel.Name)
	}
	name := x.Sel.Name
	return mapv(e.eval(x.X), func(v any) any { return field(v, name) })
}

func (e *ev) member(ip, name string) any {
	key := ip + "." + name
	if _, ok := handlers[key]; ok {
		return extFn{ip, name}
	}
	if v, ok := outsideConsts[key]; ok {
		return v
	}
	p := e.l.load(ip)
	if p == nil {
		return extFn{ip, name}
	}
	d := p.decls[name]
	switch {
	case d == nil:
		return unres{key + " is not declared in the module"}
	case d.fn != nil:
		return extFn{ip, name}
	case d.isTyp:
		return typeVal{key}
	}
	return e.declVal(d)
}

func field(v any, name string) any {
	switch v := v.(type) {
	case *record:
		return v.f[name] // a field left out of a literal is its zero value
	case suiteVal:
		if name == "ControllerName" {
			return placeholder("controllerName")
		}
		return unres{"suite." + name + " is known only at run time"}
	case unres:
		return v
	case nil:
		return nil
	}
	return unres{"field " + name + " of " + describe(v)}
}

func (e *ev) unary(x *ast.UnaryExpr) any {
	v := e.eval(x.X)
	switch x.Op {
	case token.AND:
		return v
	case token.SUB:
		return mapv(v, func(v any) any {
			if n, ok := v.(int64); ok {
				return -n
			}
			return unres{"negation of " + describe(v)}
		})
	case token.NOT:
		return mapv(v, func(v any) any {
			if b, ok := v.(bool); ok {
				return !b
			}
			return unres{"! of " + describe(v)}
		})
	}
	return unres{"operator " + x.Op.String()}
}

func (e *ev) binary(x *ast.BinaryExpr) any {
	a, b := e.eval(x.X), e.eval(x.Y)
	ea, aok := a.(each)
	eb, bok := b.(each)
	switch {
	case aok && bok && ea.id == eb.id:
		items := make([]any, len(ea.items))
		for i := range items {
			items[i] = binop(x.Op, ea.items[i], eb.items[i])
		}
		return each{id: ea.id, items: items}
	case aok && bok:
		return unres{"operands from two different loops"}
	case aok:
		return mapv(a, func(v any) any { return binop(x.Op, v, b) })
	case bok:
		return mapv(b, func(v any) any { return binop(x.Op, a, v) })
	}
	return binop(x.Op, a, b)
}

func binop(op token.Token, a, b any) any {
	if sa, ok := a.(string); ok {
		if sb, ok := b.(string); ok {
			switch op {
			case token.ADD:
				return sa + sb
			case token.EQL:
				return sa == sb
			case token.NEQ:
				return sa != sb
			}
		}
	}
	if na, ok := a.(int64); ok {
		if nb, ok := b.(int64); ok {
			switch op {
			case token.ADD:
				return na + nb
			case token.SUB:
				return na - nb
			case token.MUL:
				return na * nb
			case token.EQL:
				return na == nb
			}
		}
	}
	if u, ok := a.(unres); ok {
		return u
	}
	if u, ok := b.(unres); ok {
		return u
	}
	return unres{"operator " + op.String() + " on " + describe(a) + " and " + describe(b)}
}

func (e *ev) index(x *ast.IndexExpr) any {
	v, i := e.eval(x.X), e.eval(x.Index)
	if ri, ok := i.(rangeIdx); ok {
		if l, ok := v.([]any); ok && len(l) == ri.n {
			return each{id: ri.id, items: l}
		}
		return unres{"index by a loop counter over another value"}
	}
	return mapv(v, func(v any) any {
		switch c := v.(type) {
		case []any:
			if n, ok := i.(int64); ok && n >= 0 && int(n) < len(c) {
				return c[n]
			}
		case map[string]any:
			if k, ok := i.(string); ok {
				return c[k]
			}
		case unres:
			return c
		}
		return unres{"index into " + describe(v)}
	})
}

// describe names a value for a "why" message.
func describe(v any) string {
	switch v := v.(type) {
	case unres:
		return v.why
	case nil:
		return "nothing"
	case string:
		return "a string"
	case int64:
		return "a number"
	case *record:
		return "a " + shortType(v.typ)
	case extFn:
		return shortType(v.path+"."+v.name) + " (declared outside the extracted packages)"
	case opaque:
		return string(v)
	case addr:
		return "a gateway address"
	case each:
		return "a value that changes in a loop"
	}
	return strings.TrimPrefix(typeOf(v), "main.")
}

// shortType turns "sigs.k8s.io/gateway-api/conformance/utils/http.Request" into "http.Request".
func shortType(t string) string {
	if i := strings.LastIndex(t, "/"); i >= 0 {
		return t[i+1:]
	}
	return t
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func typeOf(v any) string { return fmt.Sprintf("%T", v) }
