// Public API of lib/canvas: what app/ and components/ use (ARCHITECTURE.md).
export { decodeDraft, draftKey, encodeDraft, type DraftOrigin } from "./draft";
export { PATH_TYPES, addNewRule, connectHostname, deleteElements, dropOnRule, moveBackendTo, reorderRule, setRulePath } from "./edits";
export {
  COMPACT_BELOW,
  HANDLES,
  NODE_SIZE,
  STACK_HANDLE,
  VS_ROUTES_SHOWN,
  frameOf,
  ruleIndexAtY,
  sizeOf,
  toFlow,
  type BackendData,
  type CanvasEdge,
  type CanvasNode,
  type GatewayData,
  type HostnameData,
  type RuleData,
  type VirtualServiceData,
  type XY,
} from "./flow";
export { edgeNames, nodeWords } from "./edge-names";
export { record, redo, startHistory, undo, type History } from "./history";
export { elkInput, positionsFrom, shapeKey, type ElkInput, type ElkOutput, type Stack } from "./layout";
export { forApply, forDisplay, kingressOwner, newRoute, routeSubmission } from "./manifest";
export { OVERVIEW_BELOW, TONE_COLORS, toneOf, type Tone } from "./overview";
export { paletteItems, searchPalette, type PaletteItem } from "./palette";
export { pinProblems } from "./pin-errors";
export { sameNode } from "./same-node";
export { rebase } from "./rebase";
export { describeResult, testedNodes, type ResultView } from "./request-result";
export {
  METHODS,
  concreteHost,
  decodeRequest,
  encodeRequest,
  parseRequest,
  testerObjects,
  type ParsedRequest,
  type TesterObjects,
  type TypedRequest,
} from "./request-tester";
export { routingTable, type RoutingTable } from "./routing-table";
export { virtualServiceNodes } from "./virtual-services";
export { createEditorStore, ruleToAddTo, type EditorInit, type EditorInputs, type EditorState, type EditorStore } from "./editor-store";
export {
  problemsOf,
  selectBaseYaml,
  selectBlocked,
  selectDirty,
  selectDraftYaml,
  selectFlow,
  selectGrants,
  selectName,
  selectNamespace,
  selectNeededGrants,
  selectOwnRules,
  selectPinned,
  selectProblemCount,
  selectRoute,
  selectTable,
  selectValidation,
  type Validation,
} from "./editor-select";
export { isArrow, nodeToward, type Arrow, type Box } from "./roving";
