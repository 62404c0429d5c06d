// Command extract reads the Gateway API conformance tests (conformance/tests/*.go) with
// go/ast and prints, as JSON, what each test asserts: the status conditions objects must
// get and which backend answers which request. It resolves literals, constants of the
// gateway-api packages and local variables; what it cannot resolve is listed as skipped.
//
//	extract -api <gateway-api module dir> [-version v1.6.3] <conformance tests dir>
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	api := flag.String("api", "", "folder of the sigs.k8s.io/gateway-api module (default: two levels above the tests folder)")
	version := flag.String("version", "", "module version, written to the output")
	confMod := flag.String("conformance-module", confModule, "module path holding the tests, written to the output")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: extract -api <gateway-api dir> [-version v] <conformance tests dir>")
		os.Exit(2)
	}
	testsDir := flag.Arg(0)
	confRoot := filepath.Dir(filepath.Clean(testsDir))
	if *api == "" {
		*api = filepath.Dir(confRoot) // before v1.5 the conformance suite was inside the main module
	}
	out, err := extract(*api, confRoot, testsDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "extract:", err)
		os.Exit(1)
	}
	out.Version, out.ConformanceModule = *version, *confMod
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "extract:", err)
		os.Exit(1)
	}
}

func extract(apiRoot, confRoot, testsDir string) (*Output, error) {
	l := newLoader(apiRoot, confRoot)
	p, err := l.loadDir(confModule+"/tests", testsDir)
	if err != nil {
		return nil, err
	}
	l.pkgs[p.path] = p
	e := &ev{l: l}
	dir, err := filepath.Abs(confRoot)
	if err != nil {
		return nil, err
	}
	o := &Output{Module: apiModule, ConformanceDir: dir, Tests: []*Test{}}
	o.Setup = e.setup()
	o.BaseManifests = o.Setup.BaseManifests
	for _, f := range p.files {
		for _, d := range f.ast.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, sp := range g.Specs {
				vs, ok := sp.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, n := range vs.Names {
					if i < len(vs.Values) && isConformanceTest(e, f, vs.Values[i]) {
						o.Tests = append(o.Tests, e.test(f, p.decls[n.Name], vs.Values[i]))
					}
				}
			}
		}
	}
	for _, t := range o.Tests {
		o.Summary.Tests++
		o.Summary.Conditions += len(t.Conditions)
		o.Summary.Listeners += len(t.Listeners)
		o.Summary.Parents += len(t.Parents)
		o.Summary.Counts += len(t.Counts)
		o.Summary.Requests += len(t.Requests)
		o.Summary.Skipped += len(t.Skipped)
	}
	o.Summary.SetupSecrets, o.Summary.SetupConfigMaps = len(o.Setup.Secrets), len(o.Setup.ConfigMaps)
	return o, nil
}

func isConformanceTest(e *ev, f *fileInfo, x ast.Expr) bool {
	c, ok := x.(*ast.CompositeLit)
	if !ok || c.Type == nil {
		return false
	}
	e.file, e.sc = f, nil
	return e.typeName(c.Type) == suitePkg+".ConformanceTest"
}

func (e *ev) test(f *fileInfo, d *decl, lit ast.Expr) *Test {
	t := &Test{File: "conformance/tests/" + f.name, Manifests: []string{}, Features: []string{},
		Conditions: []Condition{}, Listeners: []Listener{}, Parents: []Parents{}, Counts: []Count{},
		Requests: []Request{}, Skipped: []Skip{}}
	e.out = &testOut{Test: t, seen: map[token.Pos]bool{}, used: map[token.Pos]bool{}, dedupe: map[string]bool{}}
	e.file, e.sc = f, nil
	r, _ := e.declVal(d).(*record)
	if r == nil {
		e.skip(lit.Pos(), "ConformanceTest", "not a struct literal")
		return t
	}
	var err error
	if t.Name, err = str(r.f["ShortName"], "ShortName"); err != nil {
		e.skip(lit.Pos(), "ShortName", err.Error())
	}
	if t.Description, err = str(r.f["Description"], "Description"); err != nil {
		e.skip(lit.Pos(), "Description", err.Error())
	}
	for _, k := range []string{"Features", "Manifests"} {
		l, err := strList(r.f[k], k)
		if err != nil {
			e.skip(lit.Pos(), k, err.Error())
		}
		if k == "Features" && l != nil {
			t.Features = l
		} else if l != nil {
			t.Manifests = l
		}
	}
	var body *ast.BlockStmt
	switch fn := r.f["Test"].(type) {
	case litFn:
		body = fn.lit.Body
		e.inline(fn.lit.Type, fn.lit.Body, fn.file, fn.sc, []any{opaque("t"), suiteVal{}})
	case fnVal:
		body = fn.decl.Body
		e.inline(fn.decl.Type, fn.decl.Body, fn.file, nil, []any{opaque("t"), suiteVal{}})
	default:
		e.skip(lit.Pos(), "Test", fail("Test", r.f["Test"]).Error())
	}
	e.unusedResponses(f, body)
	e.out = nil
	return t
}

// unusedResponses reports ExpectedResponse literals that no followed request helper used:
// those evaluated on the way (seen) and those in code the walk never reached.
func (e *ev) unusedResponses(f *fileInfo, body *ast.BlockStmt) {
	all := map[token.Pos]bool{}
	for p := range e.out.seen {
		all[p] = true
	}
	if body != nil {
		e.file, e.sc = f, nil
		ast.Inspect(body, func(n ast.Node) bool {
			c, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if c.Type != nil && e.typeName(c.Type) == tExpResp {
				all[c.Pos()] = true
			}
			if at, ok := c.Type.(*ast.ArrayType); ok && e.typeName(at.Elt) == tExpResp {
				for _, el := range c.Elts {
					if ec, ok := el.(*ast.CompositeLit); ok && ec.Type == nil {
						all[ec.Pos()] = true
					}
				}
			}
			return true
		})
	}
	var ps []token.Pos
	for p := range all {
		if !e.out.used[p] {
			ps = append(ps, p)
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i] < ps[j] })
	for _, p := range ps {
		why := "not handed to a request helper the extractor follows"
		if !e.out.seen[p] {
			why = "in code the extractor does not walk"
		}
		e.skip(p, "ExpectedResponse", why)
	}
}

func jsonKey(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
