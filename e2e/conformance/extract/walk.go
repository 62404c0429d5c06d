package main

// Walking statements in source order, the way the test runs them: t.Run bodies run where
// they are written, range loops over known lists become "each" values (one assertion per
// item), and a variable changed inside a loop or branch is unknown after it, since which
// value it then has depends on the run.

import (
	"go/ast"
	"go/token"
)

type scope struct {
	vars   map[string]any
	parent *scope
	cond   bool              // a loop or branch body
	writes map[string]string // outer names assigned in this conditional scope -> where
}

func (s *scope) lookup(name string) (any, bool) {
	for ; s != nil; s = s.parent {
		if v, ok := s.vars[name]; ok {
			return v, true
		}
	}
	return nil, false
}

// set assigns an existing local; false when the name is not a local variable.
func (s *scope) set(name string, v any, where string) bool {
	for ; s != nil; s = s.parent {
		if _, ok := s.vars[name]; ok {
			s.vars[name] = v
			return true
		}
		if s.cond {
			s.writes[name] = where
		}
	}
	return false
}

func (e *ev) push(cond bool) {
	e.sc = &scope{vars: map[string]any{}, parent: e.sc, cond: cond, writes: map[string]string{}}
}

func (e *ev) pop() {
	s := e.sc
	e.sc = s.parent
	for name, where := range s.writes {
		if _, ok := s.vars[name]; !ok {
			e.sc.set(name, unres{name + " is changed inside a loop or branch at " + where}, where)
		}
	}
}

// fnState collects what an inlined function returns.
type fnState struct {
	ret     any
	nest    int  // block depth inside the function body
	branchy bool // returned from inside a branch: the result depends on the run
}

func (e *ev) block(stmts []ast.Stmt) bool {
	for _, s := range stmts {
		if e.stmt(s) {
			return true
		}
	}
	return false
}

// nested walks a block in a new scope; cond marks loop and branch bodies.
func (e *ev) nested(cond bool, f func()) {
	e.push(cond)
	if e.fn != nil {
		e.fn.nest++
		defer func() { e.fn.nest-- }()
	}
	defer e.pop()
	f()
}

// stmt walks one statement; true after a return at the top of a function body.
func (e *ev) stmt(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ExprStmt:
		e.eval(s.X)
	case *ast.GoStmt:
		e.eval(s.Call)
	case *ast.DeferStmt:
		e.eval(s.Call)
	case *ast.AssignStmt:
		e.assignStmt(s)
	case *ast.DeclStmt:
		e.declStmt(s)
	case *ast.IncDecStmt:
		e.assign(s.X, unres{"counter"}, false, s.Pos())
	case *ast.LabeledStmt:
		return e.stmt(s.Stmt)
	case *ast.BlockStmt:
		e.nested(false, func() { e.block(s.List) })
	case *ast.IfStmt:
		e.nested(true, func() {
			if s.Init != nil {
				e.stmt(s.Init)
			}
			e.eval(s.Cond)
			e.nested(true, func() { e.block(s.Body.List) })
			if s.Else != nil {
				e.nested(true, func() { e.stmt(s.Else) })
			}
		})
	case *ast.ForStmt:
		e.nested(true, func() {
			if s.Init != nil {
				e.stmt(s.Init)
				for name := range e.sc.vars { // a counter's first value is not the one every pass sees
					e.sc.vars[name] = unres{"loop counter " + name}
				}
			}
			e.block(s.Body.List)
		})
	case *ast.RangeStmt:
		e.rangeStmt(s)
	case *ast.SwitchStmt:
		e.nested(true, func() {
			if s.Init != nil {
				e.stmt(s.Init)
			}
			for _, c := range s.Body.List {
				e.nested(true, func() { e.block(c.(*ast.CaseClause).Body) })
			}
		})
	case *ast.TypeSwitchStmt:
		for _, c := range s.Body.List {
			e.nested(true, func() { e.block(c.(*ast.CaseClause).Body) })
		}
	case *ast.SelectStmt:
		for _, c := range s.Body.List {
			e.nested(true, func() { e.block(c.(*ast.CommClause).Body) })
		}
	case *ast.ReturnStmt:
		return e.returnStmt(s)
	}
	return false
}

func (e *ev) returnStmt(s *ast.ReturnStmt) bool {
	if e.fn == nil {
		return true
	}
	vals := make([]any, len(s.Results))
	for i, r := range s.Results {
		vals[i] = e.eval(r)
	}
	if e.fn.nest > 0 {
		e.fn.branchy = true
		return false
	}
	switch {
	case e.fn.branchy:
		e.fn.ret = unres{"function returns from inside a branch"}
	case len(vals) == 1:
		e.fn.ret = vals[0]
	default:
		e.fn.ret = tuple(vals)
	}
	return true
}

func (e *ev) assignStmt(s *ast.AssignStmt) {
	define := s.Tok == token.DEFINE
	if s.Tok != token.DEFINE && s.Tok != token.ASSIGN { // x += y and friends
		op := map[token.Token]token.Token{token.ADD_ASSIGN: token.ADD, token.SUB_ASSIGN: token.SUB}[s.Tok]
		v := any(unres{"operator " + s.Tok.String()})
		if op != token.ILLEGAL && len(s.Lhs) == 1 {
			v = e.eval(&ast.BinaryExpr{X: s.Lhs[0], Op: op, Y: s.Rhs[0]})
		}
		e.assign(s.Lhs[0], v, false, s.Pos())
		return
	}
	if len(s.Lhs) == len(s.Rhs) {
		vals := make([]any, len(s.Rhs))
		for i, r := range s.Rhs {
			vals[i] = e.eval(r)
		}
		for i, l := range s.Lhs {
			e.assign(l, vals[i], define, s.Pos())
		}
		return
	}
	v := e.eval(s.Rhs[0])
	t, ok := v.(tuple)
	for i, l := range s.Lhs {
		var vi any = unres{"second result of a call"}
		if ok && i < len(t) {
			vi = t[i]
		} else if i == 0 && !ok {
			vi = v
		}
		e.assign(l, vi, define, s.Pos())
	}
}

func (e *ev) declStmt(s *ast.DeclStmt) {
	g, ok := s.Decl.(*ast.GenDecl)
	if !ok {
		return
	}
	for _, sp := range g.Specs {
		switch sp := sp.(type) {
		case *ast.TypeSpec: // a local type: literals of it are records of that name
			e.sc.vars[sp.Name.Name] = typeVal{e.file.pkg.path + "." + sp.Name.Name}
		case *ast.ValueSpec:
			for i, n := range sp.Names {
				var v any // zero value: nil, which append and field assignment accept
				if len(sp.Values) == len(sp.Names) {
					v = e.eval(sp.Values[i])
				} else if len(sp.Values) != 0 {
					v = unres{"multi-value declaration"}
				}
				e.assign(n, v, true, s.Pos())
			}
		}
	}
}

// assign stores v into x, y.f.g or m[k]; a target the extractor cannot follow makes
// the variable it belongs to unknown.
func (e *ev) assign(lhs ast.Expr, v any, define bool, pos token.Pos) {
	where := e.l.pos(pos)
	switch l := lhs.(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		if define {
			e.sc.vars[l.Name] = v
			return
		}
		e.sc.set(l.Name, v, where) // package variables are left as declared
		return
	case *ast.ParenExpr:
		e.assign(l.X, v, define, pos)
		return
	}
	root, path := lvalue(lhs)
	if root == nil {
		return
	}
	old, ok := e.sc.lookup(root.Name)
	if !ok {
		return
	}
	e.sc.set(root.Name, update(old, path, v, e), where)
}

// lvalue splits y.f[k].g into y and its path of field names and index expressions.
func lvalue(x ast.Expr) (*ast.Ident, []ast.Expr) {
	var path []ast.Expr
	for {
		switch t := x.(type) {
		case *ast.Ident:
			return t, path
		case *ast.SelectorExpr:
			path = append([]ast.Expr{t.Sel}, path...)
			x = t.X
		case *ast.IndexExpr:
			path = append([]ast.Expr{t}, path...)
			x = t.X
		case *ast.StarExpr:
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		default:
			return nil, nil
		}
	}
}

// update returns a copy of old with the value at path replaced, as Go's value semantics do.
func update(old any, path []ast.Expr, v any, e *ev) any {
	if len(path) == 0 {
		return v
	}
	switch p := path[0].(type) {
	case *ast.Ident:
		r, ok := old.(*record)
		if old == nil {
			r, ok = &record{f: map[string]any{}}, true
		}
		if !ok {
			return unres{"field " + p.Name + " set on " + describe(old)}
		}
		c := &record{typ: r.typ, pos: r.pos, f: map[string]any{}}
		for k, x := range r.f {
			c.f[k] = x
		}
		c.f[p.Name] = update(r.f[p.Name], path[1:], v, e)
		return c
	case *ast.IndexExpr:
		k := e.eval(p.Index)
		switch c := old.(type) {
		case map[string]any:
			if ks, ok := k.(string); ok {
				n := map[string]any{}
				for a, b := range c {
					n[a] = b
				}
				n[ks] = update(c[ks], path[1:], v, e)
				return n
			}
		case []any:
			if i, ok := k.(int64); ok && i >= 0 && int(i) < len(c) {
				n := append([]any{}, c...)
				n[i] = update(c[i], path[1:], v, e)
				return n
			}
		}
		return unres{"element set by an index the extractor cannot follow"}
	}
	return unres{"assignment"}
}

func (e *ev) rangeStmt(s *ast.RangeStmt) {
	x := e.eval(s.X)
	e.nextID++
	id := e.nextID
	var key, val any
	switch c := x.(type) {
	case []any:
		key, val = rangeIdx{id: id, n: len(c)}, each{id: id, items: c}
	case map[string]any:
		keys := sortedKeys(c)
		ks, vs := make([]any, len(keys)), make([]any, len(keys))
		for i, k := range keys {
			ks[i], vs[i] = k, c[k]
		}
		key, val = each{id: id, items: ks}, each{id: id, items: vs}
	case int64:
		ks := make([]any, c)
		for i := range ks {
			ks[i] = int64(i)
		}
		key, val = each{id: id, items: ks}, unres{"range over a number"}
	default:
		u := unres{"range over " + describe(x)}
		key, val = u, u
	}
	e.nested(true, func() {
		if s.Key != nil {
			e.assign(s.Key, key, s.Tok == token.DEFINE, s.Pos())
		}
		if s.Value != nil {
			e.assign(s.Value, val, s.Tok == token.DEFINE, s.Pos())
		}
		e.block(s.Body.List)
	})
}
