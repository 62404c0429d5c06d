package main

// What the suite sets up before any test besides the base manifests: the Secrets and
// ConfigMaps ConformanceTestSuite.Setup (utils/suite/suite.go) creates from Go with the
// kubernetes.MustCreate*Secret / *ConfigMap helpers. Tests' listeners reference them
// (certificateRefs, caCertificateRefs), so whoever predicts status from the manifests needs
// their names; reading them from suite.go keeps the list right for every release.

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

type Setup struct {
	// BaseManifests is the suite's default for ConformanceTestSuite.BaseManifests, relative
	// to the conformance folder.
	BaseManifests string        `json:"baseManifests"`
	Secrets       []SetupObject `json:"secrets"`
	ConfigMaps    []SetupObject `json:"configMaps"`
	Skipped       []Skip        `json:"skipped"`
}

type SetupObject struct {
	Namespace string `json:"namespace"`
	Name      string `json:"name"`
	Helper    string `json:"helper"`
	// Issuer is the CA ConfigMap whose CA signed a Secret's certificate (absent: self-signed).
	Issuer *NN    `json:"issuer,omitempty"`
	Source string `json:"source"`
}

// caOf is what MustCreateCACertConfigMap returns besides the ConfigMap: its CA (and key),
// so that a certificate it signs can name the ConfigMap clients validate against.
type caOf struct{ cm NN }

const defaultBaseManifests = "base/manifests.yaml"

func (e *ev) setup() *Setup {
	s := &Setup{BaseManifests: defaultBaseManifests, Secrets: []SetupObject{}, ConfigMaps: []SetupObject{}, Skipped: []Skip{}}
	p := e.l.load(suitePkg)
	if p == nil {
		return s
	}
	found := false
	for _, f := range p.files {
		for _, d := range f.ast.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if v, ok := baseManifestsDefault(fd.Body); ok {
				s.BaseManifests = v
			}
			if fd.Recv != nil && fd.Name.Name == "Setup" {
				found = true
				e.setupCalls(s, f, fd)
			}
		}
	}
	if !found {
		s.Skipped = append(s.Skipped, Skip{Source: "utils/suite", What: "ConformanceTestSuite.Setup", Why: "no Setup method in this release"})
	}
	return s
}

// baseManifestsDefault finds `suite.BaseManifests = "..."`, the default NewConformanceTestSuite applies.
func baseManifestsDefault(body *ast.BlockStmt) (string, bool) {
	var out string
	ast.Inspect(body, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != 1 || len(a.Rhs) != 1 {
			return true
		}
		sel, ok := a.Lhs[0].(*ast.SelectorExpr)
		lit, isLit := a.Rhs[0].(*ast.BasicLit)
		if ok && isLit && sel.Sel.Name == "BaseManifests" && lit.Kind == token.STRING {
			out = strings.Trim(lit.Value, "\"`")
		}
		return true
	})
	return out, out != ""
}

// setupCalls records every kubernetes.MustCreate…Secret/ConfigMap call of Setup, its namespace
// and name found by the helper's parameter names (namespace, then the one ending in "Name").
func (e *ev) setupCalls(s *Setup, f *fileInfo, fd *ast.FuncDecl) {
	e.file, e.sc, e.fn = f, nil, nil
	e.push(false)
	defer e.pop()
	// The receiver is the suite: its fields are run-time values (suite.ControllerName aside).
	for _, n := range fd.Recv.List[0].Names {
		e.sc.vars[n.Name] = suiteVal{}
	}
	at := func(p token.Pos) string { return "utils/suite/" + e.l.pos(p) }
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok {
			e.bindCA(a)
			return true
		}
		c, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := c.Fun.(*ast.SelectorExpr)
		if !ok || !strings.HasPrefix(sel.Sel.Name, "MustCreate") {
			return true
		}
		if ip, isPkg := e.importOf(sel.X); !isPkg || ip != kubePkg {
			return true
		}
		name := sel.Sel.Name
		var list *[]SetupObject
		switch {
		case strings.HasSuffix(name, "Secret"):
			list = &s.Secrets
		case strings.HasSuffix(name, "ConfigMap"):
			list = &s.ConfigMaps
		default:
			return true
		}
		a := call{name: name, c: c, args: e.args(c), params: e.l.params(kubePkg, name)}
		ns, err1 := known(a.named("namespace"), "namespace")
		obj, err2 := known(objectNameArg(a), "name")
		if err1 != nil || err2 != nil {
			why := err1
			if why == nil {
				why = err2
			}
			s.Skipped = append(s.Skipped, Skip{Source: at(c.Pos()), What: "kubernetes." + name, Why: why.Error()})
			return true
		}
		o := SetupObject{Namespace: ns, Name: obj, Helper: name, Source: at(c.Pos())}
		if ca, ok := a.named("ca").(caOf); ok {
			o.Issuer = &ca.cm
		}
		*list = append(*list, o)
		return true
	})
}

// bindCA: in `cm, ca, key := kubernetes.MustCreateCACertConfigMap(t, ns, name)` the CA (and its
// key) stand for the ConfigMap from then on; any other assignment of those names forgets it.
func (e *ev) bindCA(a *ast.AssignStmt) {
	var cm *NN
	if c, ok := a.Rhs[0].(*ast.CallExpr); ok && len(a.Rhs) == 1 {
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "MustCreateCACertConfigMap" {
			if ip, isPkg := e.importOf(sel.X); isPkg && ip == kubePkg {
				args := call{name: sel.Sel.Name, c: c, args: e.args(c), params: e.l.params(kubePkg, sel.Sel.Name)}
				ns, err1 := known(args.named("namespace"), "namespace")
				name, err2 := known(objectNameArg(args), "name")
				if err1 == nil && err2 == nil {
					cm = &NN{Namespace: ns, Name: name}
				}
			}
		}
	}
	for i, l := range a.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		var v any = unres{id.Name + " is not a CA the extractor follows"}
		if cm != nil && i > 0 { // results 2 and 3: the CA certificate and its key
			v = caOf{cm: *cm}
		}
		e.sc.vars[id.Name] = v
	}
}

// objectNameArg is the argument of the first string parameter named …Name (secretName, configMapName).
func objectNameArg(a call) any {
	for i, p := range a.params {
		if p.typ == "string" && strings.HasSuffix(p.name, "Name") {
			return a.arg(i)
		}
	}
	return unres{a.name + " has no …Name parameter in this release"}
}

// known reads a name that is a plain string: a placeholder such as the controller name is not
// the name of an object.
func known(v any, what string) (string, error) {
	switch v := v.(type) {
	case string:
		if v != "" {
			return v, nil
		}
	case placeholder:
		return "", fmt.Errorf("%s: the suite's %s, known at run time", what, string(v))
	}
	return "", fail(what, v)
}
