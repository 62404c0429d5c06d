package main

// Listener status, route parent status and the "Gateway and routes must be accepted"
// helpers, which expand into the parent statuses and listener conditions they wait for.

// newRef models kubernetes.NewGatewayRef / NewResourceRef: a parent with listener names,
// where no name means the parentRef has no sectionName.
func newRef(e *ev, kind, nn any, names []any) any {
	ls := append([]any{}, names...)
	if len(ls) == 0 {
		ls = []any{""}
	}
	return &record{typ: kubePkg + ".ResourceRef", f: map[string]any{
		"NN": nn, "Kind": kind, "Group": e.member(apiV1, "GroupName"), "Listeners": ls,
	}}
}

func refAddr(ref any) any {
	if r, ok := ref.(*record); ok {
		return addr{gw: r.f["NN"]}
	}
	return addr{gw: unres{"gateway reference " + describe(ref)}}
}

// routesAccepted: every route has the parent (one parentRef per listener name) Accepted,
// and, unless the helper is the TLSRoute one (which skips this), every listener of the
// parent is ResolvedRefs, Accepted and Programmed.
func (e *ev) routesAccepted(a call, kind string, ctrl, ref any, routes []any) {
	src := e.l.pos(a.c.Pos())
	err := func() error {
		r, err := rec(ref, "gateway")
		if err != nil {
			return err
		}
		nn, err := toNN(r.f["NN"], "gateway")
		if err != nil {
			return err
		}
		pkind, err := str(r.f["Kind"], "parent kind")
		if err != nil {
			return err
		}
		group, err := str(r.f["Group"], "parent group")
		if err != nil {
			return err
		}
		cn, err := str(ctrl, "controllerName")
		if err != nil {
			return err
		}
		acc, err := e.apiCond("RouteConditionAccepted", "True", "RouteReasonAccepted")
		if err != nil {
			return err
		}
		ls, _ := r.f["Listeners"].([]any)
		var sections []string
		for _, l := range ls {
			s, err := str(l, "listener name")
			if err != nil {
				return err
			}
			sections = append(sections, s)
		}
		// Build everything first, so that one unknown route skips the whole call.
		var out []Parents
		for _, rt := range routes {
			rnn, err := toNN(rt, "route")
			if err != nil {
				return err
			}
			p := Parents{Assert: a.name, Kind: kind, Route: rnn, NamespaceRequired: rnn.Namespace != nn.Namespace, Source: src, AfterChange: e.out.changedAt}
			for _, s := range sections {
				p.Parents = append(p.Parents, ParentStatus{
					ParentRef:      ParentRef{Group: group, Kind: pkind, Namespace: nn.Namespace, Name: nn.Name, SectionName: s},
					ControllerName: cn, Conditions: []Cond{acc},
				})
			}
			out = append(out, p)
		}
		var conds []Condition
		listenerConds := []string{"ListenerConditionResolvedRefs", "ListenerConditionAccepted", "ListenerConditionProgrammed"}
		if a.name == "GatewayAndTLSRoutesMustBeAccepted" {
			listenerConds = nil
		}
		for _, t := range listenerConds {
			c, err := e.apiCond(t, "True", "")
			if err != nil {
				return err
			}
			conds = append(conds, Condition{Assert: a.name, Kind: "Listener", ObjectKind: pkind, Object: nn, Condition: &c, Source: src, AfterChange: e.out.changedAt})
		}
		e.out.Parents = append(e.out.Parents, out...)
		e.out.Conditions = append(e.out.Conditions, conds...)
		return nil
	}()
	if err != nil {
		e.skip(a.c.Pos(), a.name, err.Error())
	}
}

func routeParents(kind string) func(e *ev, a call) any {
	return func(e *ev, a call) any {
		err := func() error {
			k := kind
			if k == "" {
				if k = routeKind(a.nth("any", 0)); k == "" {
					return fail("route type", a.nth("any", 0))
				}
			}
			route, err := toNN(a.nth(pNN, 0), "route")
			if err != nil {
				return err
			}
			ps := a.nth("[]"+apiV1+".RouteParentStatus", 0)
			list, ok := ps.([]any)
			if !ok {
				return fail("parents", ps)
			}
			nsReq, ok := a.nth("bool", 0).(bool)
			if !ok {
				return fail("namespaceRequired", a.nth("bool", 0))
			}
			p := Parents{Assert: a.name, Kind: k, Route: route, NamespaceRequired: nsReq, Parents: []ParentStatus{}, Source: e.l.pos(a.c.Pos()), AfterChange: e.out.changedAt}
			for _, x := range list {
				r, err := rec(x, "parent status")
				if err != nil {
					return err
				}
				var ps ParentStatus
				if ps.ParentRef, err = toParentRef(r.f["ParentRef"], "parentRef"); err != nil {
					return err
				}
				if ps.ControllerName, err = str(r.f["ControllerName"], "controllerName"); err != nil {
					return err
				}
				if ps.Conditions, err = toConds(r.f["Conditions"], "conditions"); err != nil {
					return err
				}
				p.Parents = append(p.Parents, ps)
			}
			e.out.Parents = append(e.out.Parents, p)
			return nil
		}()
		if err != nil {
			e.skip(a.c.Pos(), a.name, err.Error())
		}
		return nil
	}
}

func statusListeners(objectKind string) func(e *ev, a call) any {
	statusType := map[string]string{"Gateway": "ListenerStatus", "ListenerSet": "ListenerEntryStatus"}[objectKind]
	return func(e *ev, a call) any {
		err := func() error {
			nn, err := toNN(a.nth(pNN, 0), "object")
			if err != nil {
				return err
			}
			ls := a.nth("[]"+apiV1+"."+statusType, 0)
			list, ok := ls.([]any)
			if !ok {
				return fail("listeners", ls)
			}
			var out []Listener
			for _, x := range list {
				r, err := rec(x, "listener status")
				if err != nil {
					return err
				}
				l := Listener{Assert: a.name, Source: e.l.pos(a.c.Pos()), AfterChange: e.out.changedAt}
				if objectKind == "Gateway" {
					l.Gateway = &nn
				} else {
					l.ListenerSet = &nn
				}
				if l.Name, err = str(r.f["Name"], "listener.Name"); err != nil {
					return err
				}
				n, err := num(r.f["AttachedRoutes"], "listener.AttachedRoutes")
				if err != nil {
					return err
				}
				l.AttachedRoutes = &n
				if l.Conditions, err = toConds(r.f["Conditions"], "listener.Conditions"); err != nil {
					return err
				}
				kinds, _ := r.f["SupportedKinds"].([]any)
				if r.f["SupportedKinds"] != nil && kinds == nil {
					return fail("listener.SupportedKinds", r.f["SupportedKinds"])
				}
				for _, k := range kinds {
					kr, err := rec(k, "supportedKinds")
					if err != nil {
						return err
					}
					var g RouteGroupKind
					if g.Group, err = str(kr.f["Group"], "supportedKinds.Group"); err != nil {
						return err
					}
					if g.Kind, err = str(kr.f["Kind"], "supportedKinds.Kind"); err != nil {
						return err
					}
					l.SupportedKinds = append(l.SupportedKinds, g)
				}
				out = append(out, l)
			}
			e.out.Listeners = append(e.out.Listeners, out...)
			return nil
		}()
		if err != nil {
			e.skip(a.c.Pos(), a.name, err.Error())
		}
		return nil
	}
}

func zeroRoutes(e *ev, a call) any {
	nn, err := toNN(a.nth(pNN, 0), "gateway")
	if err != nil {
		e.skip(a.c.Pos(), a.name, err.Error())
		return nil
	}
	zero := int64(0)
	e.out.Listeners = append(e.out.Listeners, Listener{Assert: a.name, Gateway: &nn, AttachedRoutes: &zero, Source: e.l.pos(a.c.Pos()), AfterChange: e.out.changedAt})
	return nil
}

func attachedListeners(e *ev, a call) any {
	nn, err := toNN(a.nth(pNN, 0), "gateway")
	if err == nil {
		var n int64
		if n, err = num(a.nth("int32", 0), "count"); err == nil {
			e.out.Counts = append(e.out.Counts, Count{Assert: a.name, Kind: "Gateway", Object: nn, Field: "attachedListeners", Value: n, Source: e.l.pos(a.c.Pos()), AfterChange: e.out.changedAt})
			return nil
		}
	}
	e.skip(a.c.Pos(), a.name, err.Error())
	return nil
}
