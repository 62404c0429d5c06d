package main

// Loading Go packages from source, without type checking: the conformance tests only need
// the package-level constants, variables, type names and functions of a handful of packages
// (apis/v1, pkg/features, conformance/utils/suite ...), and go/types would need every
// dependency of the module on disk, which a fresh module cache does not have.

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const (
	apiModule  = "sigs.k8s.io/gateway-api"
	confModule = "sigs.k8s.io/gateway-api/conformance"
)

// decl is one package-level name: its expression (const/var), function or type.
type decl struct {
	name  string
	file  *fileInfo
	expr  ast.Expr      // value of a const or var spec, nil when it has none
	fn    *ast.FuncDecl // a function
	isTyp bool          // a type name, so that T(x) is read as a conversion
	isVar bool
	// memoised value; evaluating is true while it is being computed (guards cycles)
	done, evaluating bool
	val              any
}

type fileInfo struct {
	pkg     *pkg
	name    string // base name, used in "source" fields
	ast     *ast.File
	imports map[string]string // local name -> import path
}

type pkg struct {
	path  string
	decls map[string]*decl
	files []*fileInfo
}

type loader struct {
	fset     *token.FileSet
	apiRoot  string // folder of sigs.k8s.io/gateway-api
	confRoot string // folder of sigs.k8s.io/gateway-api/conformance
	pkgs     map[string]*pkg
}

func newLoader(apiRoot, confRoot string) *loader {
	return &loader{fset: token.NewFileSet(), apiRoot: apiRoot, confRoot: confRoot, pkgs: map[string]*pkg{}}
}

// dirOf maps an import path inside the two gateway-api modules to its folder; other
// modules are not on disk (or not needed), so their names stay unresolved.
func (l *loader) dirOf(importPath string) (string, bool) {
	switch {
	case importPath == confModule || strings.HasPrefix(importPath, confModule+"/"):
		return filepath.Join(l.confRoot, strings.TrimPrefix(importPath, confModule)), true
	case importPath == apiModule || strings.HasPrefix(importPath, apiModule+"/"):
		return filepath.Join(l.apiRoot, strings.TrimPrefix(importPath, apiModule)), true
	}
	return "", false
}

// load parses the non-test files of one package; nil when it is outside the modules.
func (l *loader) load(importPath string) *pkg {
	if p, ok := l.pkgs[importPath]; ok {
		return p
	}
	dir, ok := l.dirOf(importPath)
	if !ok {
		l.pkgs[importPath] = nil
		return nil
	}
	p, _ := l.loadDir(importPath, dir)
	l.pkgs[importPath] = p
	return p
}

func (l *loader) loadDir(importPath, dir string) (*pkg, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	p := &pkg{path: importPath, decls: map[string]*decl{}}
	for _, n := range names {
		f, err := parser.ParseFile(l.fset, filepath.Join(dir, n), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		fi := &fileInfo{pkg: p, name: n, ast: f, imports: importNames(f)}
		p.files = append(p.files, fi)
		addDecls(p, fi)
	}
	return p, nil
}

func importNames(f *ast.File) map[string]string {
	m := map[string]string{}
	for _, im := range f.Imports {
		ip := strings.Trim(im.Path.Value, `"`)
		name := path.Base(ip)
		if im.Name != nil {
			name = im.Name.Name
		}
		m[name] = ip
	}
	return m
}

func addDecls(p *pkg, fi *fileInfo) {
	for _, d := range fi.ast.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name != "init" {
				p.decls[d.Name.Name] = &decl{name: d.Name.Name, file: fi, fn: d}
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					p.decls[s.Name.Name] = &decl{name: s.Name.Name, file: fi, isTyp: true}
				case *ast.ValueSpec:
					for i, n := range s.Names {
						dd := &decl{name: n.Name, file: fi, isVar: d.Tok == token.VAR}
						// A const without a value repeats the previous expression, which
						// only means something with iota: leave it without a value.
						if i < len(s.Values) && len(s.Values) == len(s.Names) {
							dd.expr = s.Values[i]
						}
						p.decls[n.Name] = dd
					}
				}
			}
		}
	}
}

// pos renders a position as "file.go:line".
func (l *loader) pos(p token.Pos) string {
	ps := l.fset.Position(p)
	return filepath.Base(ps.Filename) + ":" + strconv.Itoa(ps.Line)
}

// param is one parameter of a helper function, its type written "importpath.Name"
// ("[]", "*" prefixes kept, "any" for interfaces), so that handlers find their arguments
// by type or name rather than by position, which changes between releases.
type param struct {
	name, typ string
	variadic  bool
}

func (l *loader) params(pkgPath, fn string) []param {
	p := l.load(pkgPath)
	if p == nil || p.decls[fn] == nil || p.decls[fn].fn == nil {
		return nil
	}
	d := p.decls[fn]
	var out []param
	for _, f := range d.fn.Type.Params.List {
		t := f.Type
		ell, variadic := t.(*ast.Ellipsis)
		if variadic {
			t = ell.Elt
		}
		typ := renderType(t, d.file)
		if len(f.Names) == 0 {
			out = append(out, param{typ: typ, variadic: variadic})
		}
		for _, n := range f.Names {
			out = append(out, param{name: n.Name, typ: typ, variadic: variadic})
		}
	}
	return out
}

func renderType(t ast.Expr, f *fileInfo) string {
	switch t := t.(type) {
	case *ast.Ident:
		if builtinTypes[t.Name] {
			return t.Name
		}
		return f.pkg.path + "." + t.Name
	case *ast.SelectorExpr:
		if x, ok := t.X.(*ast.Ident); ok {
			return f.imports[x.Name] + "." + t.Sel.Name
		}
	case *ast.StarExpr:
		return "*" + renderType(t.X, f)
	case *ast.ArrayType:
		return "[]" + renderType(t.Elt, f)
	case *ast.InterfaceType:
		return "any"
	}
	return "?"
}
