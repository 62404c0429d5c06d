package main

// Literals and types: struct, slice and map literals (elements may leave out their type),
// and telling a conversion T(x) from a call f(x) without a type checker.

import "go/ast"

// composite builds a literal; hint is the element type of an enclosing slice or map
// literal, for elements written without their type.
func (e *ev) composite(x *ast.CompositeLit, hint ast.Expr) any {
	t := x.Type
	if t == nil {
		t = hint
	}
	for {
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		} else if p, ok := t.(*ast.ParenExpr); ok {
			t = p.X
		} else {
			break
		}
	}
	elem := func(v ast.Expr, h ast.Expr) any {
		if c, ok := v.(*ast.CompositeLit); ok {
			return e.composite(c, h)
		}
		return e.eval(v)
	}
	switch tt := t.(type) {
	case nil:
		return unres{"literal of unknown type"}
	case *ast.ArrayType:
		out := []any{}
		for _, el := range x.Elts {
			if _, ok := el.(*ast.KeyValueExpr); ok {
				return unres{"indexed array literal"}
			}
			out = append(out, elem(el, tt.Elt))
		}
		return out
	case *ast.MapType:
		out := map[string]any{}
		for _, el := range x.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return unres{"map literal element without a key"}
			}
			k, ok := elem(kv.Key, tt.Key).(string)
			if !ok {
				return unres{"map literal with a key that is not a known string"}
			}
			out[k] = elem(kv.Value, tt.Value)
		}
		return out
	}
	typ := e.typeName(t)
	if typ == tExpResp && e.out != nil {
		e.out.seen[x.Pos()] = true
	}
	r := &record{typ: typ, f: map[string]any{}, pos: x.Pos()}
	for _, el := range x.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return unres{"struct literal without field names"}
		}
		k, ok := kv.Key.(*ast.Ident)
		if !ok {
			return unres{"struct literal key"}
		}
		r.f[k.Name] = elem(kv.Value, nil)
	}
	return r
}

func (e *ev) typeName(t ast.Expr) string {
	switch t := t.(type) {
	case *ast.Ident:
		if v, ok := e.sc.lookup(t.Name); ok {
			if tv, ok := v.(typeVal); ok {
				return tv.name
			}
		}
		if builtinTypes[t.Name] {
			return t.Name
		}
		return e.file.pkg.path + "." + t.Name
	case *ast.SelectorExpr:
		if ip, ok := e.importOf(t.X); ok {
			return ip + "." + t.Sel.Name
		}
	case *ast.StarExpr:
		return e.typeName(t.X)
	case *ast.ParenExpr:
		return e.typeName(t.X)
	case *ast.ArrayType:
		return "[]" + e.typeName(t.Elt)
	case *ast.StructType:
		return "struct"
	}
	return typeOf(t)
}

// isType tells a conversion T(x) from a call f(x).
func (e *ev) isType(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.ParenExpr:
		return e.isType(t.X)
	case *ast.StarExpr:
		return e.isType(t.X)
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.InterfaceType, *ast.StructType:
		return true
	case *ast.Ident:
		if v, ok := e.sc.lookup(t.Name); ok {
			_, isT := v.(typeVal)
			return isT
		}
		if d := e.file.pkg.decls[t.Name]; d != nil {
			return d.isTyp
		}
		return builtinTypes[t.Name]
	case *ast.SelectorExpr:
		if ip, ok := e.importOf(t.X); ok {
			if p := e.l.load(ip); p != nil {
				d := p.decls[t.Sel.Name]
				return d != nil && d.isTyp
			}
		}
	}
	return false
}
