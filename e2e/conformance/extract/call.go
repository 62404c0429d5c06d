package main

// Calls: conversions, a few builtins, the tests package's own functions (inlined with
// their arguments, so helpers such as generateAcceptedListenerConditions() or
// parentRefTo(gwNN) resolve), function literals, and the conformance helpers that
// handlers.go knows. The bodies of function literals passed to any other call (t.Run,
// polling callbacks) are walked where the call is, since that is where they run.

import (
	"go/ast"
	"reflect"
	"strings"
)

const maxDepth = 6

// handler models one conformance helper; args are the evaluated arguments of one call,
// with loop values already replaced by one item.
type handler func(e *ev, c *ast.CallExpr, args []any) any

// mutating methods change cluster objects while a test runs (client.Client, Applier).
var mutating = map[string]bool{"Patch": true, "Update": true, "Create": true, "Delete": true,
	"DeleteAllOf": true, "MustApplyWithCleanup": true, "MustApplyObjectsWithCleanup": true}

func (e *ev) call(c *ast.CallExpr) any {
	if sel, ok := c.Fun.(*ast.SelectorExpr); ok && mutating[sel.Sel.Name] && e.out != nil && e.out.changedAt == "" {
		if _, isPkg := e.importOf(sel.X); !isPkg {
			e.out.changedAt = e.l.pos(c.Pos())
		}
	}
	if e.isType(c.Fun) {
		if len(c.Args) == 1 {
			return e.eval(c.Args[0])
		}
		return unres{"conversion"}
	}
	if id, ok := c.Fun.(*ast.Ident); ok {
		if _, local := e.sc.lookup(id.Name); !local && e.file.pkg.decls[id.Name] == nil {
			if v, ok := e.builtin(id.Name, c); ok {
				return v
			}
		}
	}
	fn := e.eval(c.Fun)
	args := e.args(c)
	switch f := fn.(type) {
	case fnVal:
		return e.inline(f.decl.Type, f.decl.Body, f.file, nil, args)
	case litFn:
		return e.inline(f.lit.Type, f.lit.Body, f.file, f.sc, args)
	case extFn:
		key := f.path + "." + f.name
		if h := handlers[key]; h != nil {
			return e.runHandler(h, c, args)
		}
		if f.path == kubePkg && strings.Contains(f.name, "Must") && !ignored[f.name] {
			e.skip(c.Pos(), "kubernetes."+f.name, "assertion helper not modelled by the extractor")
		}
		e.walkFuncArgs(args)
		return unres{"result of " + shortType(key) + "()"}
	}
	e.walkFuncArgs(args)
	return unres{"result of a call to " + describe(fn)}
}

// args evaluates the arguments, spreading a trailing xs... over the parameters.
func (e *ev) args(c *ast.CallExpr) []any {
	args := make([]any, 0, len(c.Args))
	for _, a := range c.Args {
		args = append(args, e.eval(a))
	}
	if c.Ellipsis.IsValid() && len(args) > 0 {
		last := args[len(args)-1]
		args = args[:len(args)-1]
		if l, ok := last.([]any); ok {
			args = append(args, l...)
		} else {
			args = append(args, unres{"spread of " + describe(last)})
		}
	}
	return args
}

func (e *ev) builtin(name string, c *ast.CallExpr) (any, bool) {
	switch name {
	case "append":
		if len(c.Args) == 0 {
			return nil, false
		}
		args := e.args(c)
		base := args[0]
		if base == nil {
			base = []any{}
		}
		l, ok := base.([]any)
		if !ok {
			return unres{"append to " + describe(base)}, true
		}
		return append(append([]any{}, l...), args[1:]...), true
	case "new": // new(T) is a zero value; Go 1.26's new(expr) points at expr
		if len(c.Args) == 1 && !e.isType(c.Args[0]) {
			return e.eval(c.Args[0]), true
		}
		return nil, true
	case "make":
		return nil, true
	case "len":
		if len(c.Args) == 1 {
			switch v := e.eval(c.Args[0]).(type) {
			case []any:
				return int64(len(v)), true
			case string:
				return int64(len(v)), true
			}
		}
		return unres{"len of a run-time value"}, true
	}
	return nil, false
}

// inline walks a function body with its parameters bound to the call's arguments.
func (e *ev) inline(ft *ast.FuncType, body *ast.BlockStmt, file *fileInfo, closure *scope, args []any) any {
	if body == nil || e.depth >= maxDepth {
		return unres{"call nested too deep"}
	}
	saved := *e
	e.file, e.sc, e.fn = file, closure, &fnState{}
	e.depth++
	e.push(false)
	i := 0
	for _, p := range ft.Params.List {
		_, variadic := p.Type.(*ast.Ellipsis)
		for _, n := range p.Names {
			var v any = unres{"parameter " + n.Name}
			switch {
			case variadic:
				if i <= len(args) {
					v = append([]any{}, args[min(i, len(args)):]...)
				}
			case i < len(args):
				v = args[i]
			}
			e.sc.vars[n.Name] = v
			i++
		}
		if len(p.Names) == 0 {
			i++
		}
	}
	e.block(body.List)
	ret := e.fn.ret
	if e.fn.branchy {
		ret = unres{"function returns from inside a branch"}
	}
	e.file, e.sc, e.fn, e.depth = saved.file, saved.sc, saved.fn, saved.depth
	return ret
}

// walkFuncArgs runs function literals handed to a call the extractor does not model.
func (e *ev) walkFuncArgs(args []any) {
	for _, a := range args {
		if f, ok := a.(litFn); ok {
			e.inline(f.lit.Type, f.lit.Body, f.file, f.sc, nil)
		}
	}
}

// runHandler calls h once per combination of the loop items its arguments use.
func (e *ev) runHandler(h handler, c *ast.CallExpr, args []any) any {
	rows := expand(args)
	results := make([]any, 0, len(rows))
	for _, row := range rows {
		results = append(results, h(e, c, row))
	}
	switch {
	case len(results) == 0:
		return unres{"loop over an empty list"}
	case len(results) == 1:
		return results[0]
	}
	for _, r := range results[1:] {
		if !reflect.DeepEqual(r, results[0]) {
			return unres{"result differs per loop item"}
		}
	}
	return results[0]
}
