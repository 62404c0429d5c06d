"use client";
import { Notice } from "@/components/ui/Notice";
import { STALE } from "@/lib/apply";
import type { KnativeService } from "@/lib/knative";
import { defaultTraffic } from "@/lib/knative";
import { canonicalTraffic } from "@/lib/traffic";
import { printManifest } from "@/lib/yaml";
import { YamlDiff } from "@/components/yaml/YamlDiff";

const trafficYaml = (k: KnativeService) => printManifest({ traffic: canonicalTraffic(defaultTraffic(k.spec?.traffic, { inService: true })) });

/**
 * Someone changed the Service between load and apply: show what they changed and let the
 * user choose. Nothing is overwritten without a click.
 */
export function StalePanel(props: {
  base: KnativeService;
  theirs: KnativeService;
  who?: string;
  onRebase: () => void;
  onOverwrite: () => void;
  onDiscard: () => void;
}) {
  const { base, theirs, who, onRebase, onOverwrite, onDiscard } = props;
  return (
    <Notice tone="warn" title={STALE.title("this Service")}>
      <p>
        Nothing was applied. {who ? `Last write: ${who}. ` : ""}Their spec.traffic, against the one you started from (generation{" "}
        {base.metadata.generation ?? "?"} → {theirs.metadata.generation ?? "?"}):
      </p>
      <div className="my-2">
        <YamlDiff label="Changes made by someone else" before={trafficYaml(base)} after={trafficYaml(theirs)} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onRebase} className="rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-50">
          {STALE.rebase}
        </button>
        <button
          type="button"
          onClick={onOverwrite}
          className="rounded border border-amber-500 bg-white px-3 py-1 text-sm font-medium text-amber-900 hover:bg-amber-100"
        >
          {STALE.overwrite}
        </button>
        <button type="button" onClick={onDiscard} className="rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-50">
          {STALE.discard}
        </button>
      </div>
    </Notice>
  );
}
