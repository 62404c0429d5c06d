"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useApply } from "@/components/apply/useApply";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { isBusy } from "@/lib/apply";
import type { Configuration, KnativeService, Revision } from "@/lib/knative";
import { getObject } from "@/lib/query";
import { useKnativeSettings } from "@/lib/query";
import { useLiveKinds } from "@/lib/query";
import { READ_ONLY_REASON, useWriteAccess } from "@/lib/query";
import {
  addTarget,
  draftFromTraffic,
  removeTarget,
  setTag,
  tagProblem,
  tagUrl,
  targetLabel,
  toShares,
  trafficFromDraft,
  withShares,
  type DraftTarget,
} from "@/lib/traffic";
import { rescale } from "@/lib/traffic";
import { draftProblems } from "@/lib/traffic";
import { revisionRows, trafficSummary } from "@/lib/traffic";
import { previousTraffic } from "@/lib/traffic";
import { ApplyPanel } from "./ApplyPanel";
import { KnativeSettingsPanel } from "./KnativeSettingsPanel";
import { LinkedSliders } from "./LinkedSliders";
import { ProducedPreview } from "./ProducedPreview";
import { RevisionTable } from "./RevisionTable";
import { StalePanel } from "./StalePanel";
import { TargetExtra } from "./TargetExtra";
import { submitTraffic } from "./actions";

/**
 * An edit in progress: the Service as it was when editing began (what Apply compares
 * against, through its resourceVersion) and the draft. `pristine` after an apply or a
 * discard: the page follows the cluster again once the watch has caught up.
 */
interface Edit {
  base: KnativeService;
  draft: DraftTarget[];
  pristine?: boolean;
}

const sameTraffic = (a: KnativeService, b: KnativeService) => JSON.stringify(a.spec?.traffic ?? []) === JSON.stringify(b.spec?.traffic ?? []);

export function TrafficEditor({ namespace, name }: { namespace: string; name: string }) {
  const { snapshots, connection, error } = useLiveKinds(["KnativeService", "Revision", "Configuration"]);
  const [ksvcSnap, revSnap, cfgSnap] = snapshots;
  const live = ksvcSnap?.items.find((o) => o.metadata.namespace === namespace && o.metadata.name === name) as KnativeService | undefined;
  const revisions = useMemo(() => (revSnap?.items ?? []) as unknown as Revision[], [revSnap]);
  const configurations = (cfgSnap?.items ?? []) as unknown as Configuration[];
  const [edit, setEdit] = useState<Edit>();
  const [theirs, setTheirs] = useState<KnativeService>();
  const [theirWriter, setTheirWriter] = useState<string>();
  const [now] = useState(() => Date.now());

  // Once the watch shows the version we applied (or loaded), follow the cluster again.
  if (edit?.pristine && live && live.metadata.resourceVersion === edit.base.metadata.resourceVersion) setEdit(undefined);

  const base = edit?.base ?? live;
  const draft = useMemo(() => edit?.draft ?? draftFromTraffic(base?.spec?.traffic), [edit, base]);
  const traffic = useMemo(() => trafficFromDraft(draft), [draft]);
  // A verdict holds for the traffic it judged: any edit clears it.
  const flow = useApply(JSON.stringify(traffic));
  const problems = useMemo(() => draftProblems(draft), [draft]);
  const rows = useMemo(() => (live ? revisionRows(live, revisions) : []), [live, revisions]);
  const knative = useKnativeSettings();
  const access = useWriteAccess({ kind: "KnativeService", namespace, name });
  const produceConfig = useMemo(
    () => (knative.settings ? { network: knative.settings.network.config, gateway: knative.settings.gateway.config } : {}),
    [knative.settings],
  );

  if (!base) {
    return (
      <section className="space-y-3">
        <h1 className="text-2xl font-semibold">
          {namespace}/{name}
        </h1>
        {error && (
          <Notice tone="error" title="Routeboard's server did not answer">
            {error.message}
          </Notice>
        )}
        {ksvcSnap?.state === "ready" ? (
          <Notice tone="warn" title="No such Knative Service">
            There is no Service {name} in namespace {namespace}.{" "}
            <Link className="underline" href="/services">
              All services
            </Link>
          </Notice>
        ) : ksvcSnap && ksvcSnap.state !== "loading" ? (
          <Notice tone="error" title="Knative Services cannot be read">
            {ksvcSnap.message}
          </Notice>
        ) : (
          <Notice title="Loading…" />
        )}
      </section>
    );
  }

  const original = trafficFromDraft(draftFromTraffic(base.spec?.traffic));
  const changed = JSON.stringify(traffic) !== JSON.stringify(original);
  const busy = isBusy(flow.state);
  // Read-only up front, not when the API server refuses an apply.
  const locked = busy || access.forbidden !== undefined;
  const update = (d: DraftTarget[]) => setEdit({ base, draft: d });
  const previous = live ? previousTraffic(live) : undefined;
  const movedOn = edit && !edit.pristine && live && live.metadata.generation !== edit.base.metadata.generation;

  /**
   * Apply against `b`. On any conflict, look at the Service as it is now: the API server
   * reports another manager's ownership of spec.traffic before it checks resourceVersion, so
   * a conflict alone does not say whether someone changed the Service since it was loaded.
   * If only status or metadata moved on (controllers write status all the time), nothing the
   * user edited changed: retry once on the new version. If the spec moved on, show theirs.
   */
  const apply = async (b: KnativeService, confirm?: string, retried = false): Promise<void> => {
    setTheirs(undefined);
    const submission = { namespace, name, resourceVersion: b.metadata.resourceVersion ?? "", before: b.spec?.traffic, traffic };
    const end = await flow.run((dryRun) => submitTraffic(submission, { dryRun, ...(confirm && { confirm }) }), "dry-run-then-apply");
    if (end.ok) {
      const applied = end.value as unknown as KnativeService;
      setEdit({ base: applied, draft: draftFromTraffic(applied.spec?.traffic), pristine: true });
      return;
    }
    if (end.error.type !== "Conflict") return;
    const latest = await getObject({ kind: "KnativeService", namespace, name });
    if (!latest.ok) {
      flow.dispatch({ type: "failed", stage: end.stage, error: latest.error });
      return;
    }
    const l = latest.value as unknown as KnativeService;
    if (l.metadata.resourceVersion === b.metadata.resourceVersion) return; // only ownership: ApplyPanel offers the take-over
    if (l.metadata.generation === b.metadata.generation && sameTraffic(l, b)) {
      if (retried) return;
      setEdit({ base: l, draft });
      return apply(l, confirm, true);
    }
    flow.reset();
    setTheirWriter(latest.lastWriter);
    setTheirs(l);
  };

  return (
    <section aria-labelledby="svc-title" className="space-y-4">
      <PageHeader
        id="svc-title"
        title={
          <>
            {name} <span className="text-base font-normal text-slate-500">traffic</span>
          </>
        }
        back={
          <>
            <Link href="/services" className="hover:underline">
              Knative Services
            </Link>{" "}
            / {namespace}
          </>
        }
        actions={
          <>
            <LiveStatus connection={connection} state={ksvcSnap?.state} />
            <button
              type="button"
              disabled={!previous || locked}
              title={
                previous ? `Before the last apply through Routeboard: ${trafficSummary(previous)}` : "No apply through Routeboard recorded on this Service"
              }
              onClick={() => previous && live && setEdit({ base: live, draft: draftFromTraffic(previous) })}
              className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-40"
            >
              Roll back
            </button>
            <button
              type="button"
              disabled={!edit || locked}
              onClick={() => (setEdit(undefined), setTheirs(undefined), flow.reset())}
              className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-40"
            >
              Reset
            </button>
          </>
        }
      >
        {base.status?.url && <p className="font-mono text-xs text-slate-600">{base.status.url}</p>}
      </PageHeader>

      {movedOn && !theirs && (
        <Notice tone="warn" title="Changed in the cluster since you started editing">
          Someone else changed this Service. Apply will show you what changed before anything is overwritten.
        </Notice>
      )}

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-3 lg:col-span-3">
          <div className="flex items-center justify-between">
            <h2 className="font-medium">Split</h2>
            <button
              type="button"
              disabled={locked || draft.some((d) => !d.revisionName)}
              onClick={() => update(addTarget(draft, undefined))}
              className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-40"
            >
              Add @latest
            </button>
          </div>
          {problems.sum !== undefined && (
            <Notice tone="error" title={`The percents sum to ${problems.sum} %, not 100 %`}>
              The linked sliders keep whatever total they start from.{" "}
              <button type="button" className="underline" onClick={() => update(withShares(draft, rescale(toShares(draft), 100)))}>
                Scale to 100 %
              </button>{" "}
              keeping the proportions.
            </Notice>
          )}
          <LinkedSliders
            name="Traffic targets"
            unit="percent"
            disabled={locked}
            items={draft.map((d) => ({
              id: d.key,
              label: targetLabel(d),
              value: d.percent,
              locked: d.locked,
              extra: (
                <TargetExtra
                  label={targetLabel(d)}
                  tag={d.tag}
                  problem={tagProblem(d.tag)}
                  url={tagUrl(base, d.tag, produceConfig.network)}
                  errors={problems.byKey.get(d.key) ?? []}
                  canRemove={draft.length > 1}
                  disabled={locked}
                  onTag={(t) => update(setTag(draft, d.key, t))}
                  onRemove={() => update(removeTarget(draft, d.key))}
                />
              ),
            }))}
            onChange={(shares) => update(withShares(draft, shares))}
          />
          {access.forbidden ? (
            <Notice tone="warn" title={access.forbidden === READ_ONLY_REASON ? "Read-only" : "Read-only: you may not change this Service's traffic"}>
              <span data-read-only>
                {access.forbidden === READ_ONLY_REASON ? READ_ONLY_REASON : `The API server says your credentials may not change it: ${access.forbidden}`}
              </span>
            </Notice>
          ) : (
            <ApplyPanel
              problems={problems.all}
              changed={changed}
              state={flow.state}
              what={`Service ${namespace}/${name}`}
              onApply={() => void apply(base)}
              onTakeOver={(confirm) => void apply(base, confirm)}
            />
          )}
          {theirs && (
            <StalePanel
              base={base}
              theirs={theirs}
              {...(theirWriter && { who: theirWriter })}
              onRebase={() => (setEdit({ base: theirs, draft }), setTheirs(undefined), flow.reset())}
              onOverwrite={() => (setEdit({ base: theirs, draft }), void apply(theirs))}
              onDiscard={() => (setEdit({ base: theirs, draft: draftFromTraffic(theirs.spec?.traffic), pristine: true }), setTheirs(undefined), flow.reset())}
            />
          )}
        </div>
        <div className="space-y-4 lg:col-span-2">
          <div>
            <h2 className="mb-1 font-medium">Revisions</h2>
            <RevisionTable
              rows={rows}
              now={now}
              disabled={locked}
              inDraft={new Set(draft.map((d) => d.revisionName ?? ""))}
              onAdd={(r) => update(addTarget(draft, r))}
            />
          </div>
          <ProducedPreview base={base} traffic={traffic} configurations={configurations} revisions={revisions} config={produceConfig} changed={changed} />
          <KnativeSettingsPanel {...knative} />
        </div>
      </div>
    </section>
  );
}
