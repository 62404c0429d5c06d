package main

// The JSON written to stdout (documented in ../README.md), and the conversions from
// evaluated values to it. A conversion fails with the reason when a value is not known.

import (
	"errors"
	"go/token"
)

type Output struct {
	Module            string `json:"module"`
	Version           string `json:"version"`
	ConformanceModule string `json:"conformanceModule"`
	// ConformanceDir is the folder holding tests/ and base/ on this machine (the module cache).
	ConformanceDir string `json:"conformanceDir"`
	// BaseManifests is relative to ConformanceDir, like each test's manifests.
	BaseManifests string  `json:"baseManifests"`
	Setup         *Setup  `json:"setup"`
	Tests         []*Test `json:"tests"`
	Summary       Summary `json:"summary"`
}

type Summary struct {
	Tests      int `json:"tests"`
	Conditions int `json:"conditions"`
	Listeners  int `json:"listeners"`
	Parents    int `json:"parents"`
	Counts     int `json:"counts"`
	Requests   int `json:"requests"`
	Skipped    int `json:"skipped"`
	// Objects ConformanceTestSuite.Setup creates from Go (setup.go).
	SetupSecrets    int `json:"setupSecrets"`
	SetupConfigMaps int `json:"setupConfigMaps"`
}

type Test struct {
	Name        string      `json:"name"`
	Description string      `json:"description"`
	File        string      `json:"file"`
	Manifests   []string    `json:"manifests"`
	Features    []string    `json:"features"`
	Conditions  []Condition `json:"conditions"`
	Listeners   []Listener  `json:"listeners"`
	Parents     []Parents   `json:"parents"`
	Counts      []Count     `json:"counts"`
	Requests    []Request   `json:"requests"`
	Skipped     []Skip      `json:"skipped"`
}

type NN struct {
	Namespace string `json:"namespace,omitempty"`
	Name      string `json:"name"`
}

type Cond struct {
	Type   string `json:"type"`
	Status string `json:"status,omitempty"` // absent: any status
	Reason string `json:"reason,omitempty"` // absent: any reason
}

type ParentRef struct {
	Group       string `json:"group,omitempty"`
	Kind        string `json:"kind,omitempty"`
	Namespace   string `json:"namespace,omitempty"`
	Name        string `json:"name"`
	SectionName string `json:"sectionName,omitempty"`
	Port        *int64 `json:"port,omitempty"`
}

type Condition struct {
	Assert     string     `json:"assert"`
	Kind       string     `json:"kind"`
	ObjectKind string     `json:"objectKind,omitempty"` // for kind Listener: Gateway or ListenerSet
	Object     NN         `json:"object"`
	Parent     *ParentRef `json:"parent,omitempty"`
	Listener   string     `json:"listener,omitempty"` // absent with kind Listener: every listener
	Condition  *Cond      `json:"condition,omitempty"`
	// LatestGeneration: every condition's observedGeneration is the object's generation.
	LatestGeneration bool   `json:"latestGeneration,omitempty"`
	AfterChange      string `json:"afterChange,omitempty"`
	Source           string `json:"source"`
}

type RouteGroupKind struct {
	Group string `json:"group,omitempty"`
	Kind  string `json:"kind"`
}

type Listener struct {
	Assert         string           `json:"assert"`
	Gateway        *NN              `json:"gateway,omitempty"`
	ListenerSet    *NN              `json:"listenerSet,omitempty"`
	Name           string           `json:"name,omitempty"` // absent: every listener
	AttachedRoutes *int64           `json:"attachedRoutes,omitempty"`
	Conditions     []Cond           `json:"conditions,omitempty"`
	SupportedKinds []RouteGroupKind `json:"supportedKinds,omitempty"`
	AfterChange    string           `json:"afterChange,omitempty"`
	Source         string           `json:"source"`
}

type ParentStatus struct {
	ParentRef      ParentRef `json:"parentRef"`
	ControllerName string    `json:"controllerName,omitempty"`
	Conditions     []Cond    `json:"conditions"`
}

type Parents struct {
	Assert            string         `json:"assert"`
	Kind              string         `json:"kind"`
	Route             NN             `json:"route"`
	Parents           []ParentStatus `json:"parents"`
	NamespaceRequired bool           `json:"namespaceRequired"`
	AfterChange       string         `json:"afterChange,omitempty"`
	Source            string         `json:"source"`
}

type Count struct {
	Assert      string `json:"assert"`
	Kind        string `json:"kind"`
	Object      NN     `json:"object"`
	Field       string `json:"field"`
	Value       int64  `json:"value"`
	AfterChange string `json:"afterChange,omitempty"`
	Source      string `json:"source"`
}

type Skip struct {
	Source string `json:"source"`
	What   string `json:"what"`
	Why    string `json:"why"`
}

// testOut is a Test being filled, plus the ExpectedResponse literals seen and used.
type testOut struct {
	*Test
	seen, used map[token.Pos]bool
	dedupe     map[string]bool
	// changedAt is where the test first changes objects at run time (a Patch, a Delete,
	// applying more objects): assertions after it are not about the manifests alone.
	changedAt string
}

func (e *ev) skip(p token.Pos, what, why string) {
	if e.out == nil {
		return
	}
	s := Skip{Source: e.l.pos(p), What: what, Why: why}
	key := s.Source + s.What + s.Why
	if e.out.dedupe[key] {
		return
	}
	e.out.dedupe[key] = true
	e.out.Skipped = append(e.out.Skipped, s)
}

func fail(what string, v any) error { return errors.New(what + ": " + describe(v)) }

// str reads a string; nil (a field left out) is "".
func str(v any, what string) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case nil:
		return "", nil
	case placeholder:
		return "${" + string(v) + "}", nil
	}
	return "", fail(what, v)
}

func num(v any, what string) (int64, error) {
	switch v := v.(type) {
	case int64:
		return v, nil
	case nil:
		return 0, nil
	}
	return 0, fail(what, v)
}

func rec(v any, what string) (*record, error) {
	if r, ok := v.(*record); ok {
		return r, nil
	}
	return nil, fail(what, v)
}

func toNN(v any, what string) (NN, error) {
	r, err := rec(v, what)
	if err != nil {
		return NN{}, err
	}
	if r.typ == kubePkg+".ResourceRef" { // a Gateway or ListenerSet reference
		return toNN(r.f["NN"], what)
	}
	var n NN
	if n.Name, err = str(r.f["Name"], what+".Name"); err != nil {
		return n, err
	}
	n.Namespace, err = str(r.f["Namespace"], what+".Namespace")
	return n, err
}

func toCond(v any, what string) (Cond, error) {
	r, err := rec(v, what)
	if err != nil {
		return Cond{}, err
	}
	var c Cond
	if c.Type, err = str(r.f["Type"], what+".Type"); err != nil {
		return c, err
	}
	if c.Status, err = str(r.f["Status"], what+".Status"); err != nil {
		return c, err
	}
	c.Reason, err = str(r.f["Reason"], what+".Reason")
	return c, err
}

func toConds(v any, what string) ([]Cond, error) {
	if v == nil {
		return nil, nil
	}
	l, ok := v.([]any)
	if !ok {
		return nil, fail(what, v)
	}
	out := []Cond{}
	for _, x := range l {
		c, err := toCond(x, what)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func toParentRef(v any, what string) (ParentRef, error) {
	r, err := rec(v, what)
	if err != nil {
		return ParentRef{}, err
	}
	var p ParentRef
	for _, f := range []struct {
		name string
		dst  *string
	}{{"Group", &p.Group}, {"Kind", &p.Kind}, {"Namespace", &p.Namespace}, {"Name", &p.Name}, {"SectionName", &p.SectionName}} {
		if *f.dst, err = str(r.f[f.name], what+"."+f.name); err != nil {
			return p, err
		}
	}
	if r.f["Port"] != nil {
		n, err := num(r.f["Port"], what+".Port")
		if err != nil {
			return p, err
		}
		p.Port = &n
	}
	return p, nil
}
