// The shape of cases.json, as e2e/conformance/extract writes it (its README documents each
// field): what each Gateway API conformance test asserts, read from the suite's Go source.

export interface NN {
  readonly namespace?: string;
  readonly name: string;
}

/** A condition as the suite's findConditionInList reads it: no status or reason means any. */
export interface Cond {
  readonly type: string;
  readonly status?: string;
  readonly reason?: string;
}

interface Located {
  readonly assert: string;
  /** Where the test first changed objects at run time, when it did before this case. */
  readonly afterChange?: string;
  /** "file.go:line" of the assertion in the test. */
  readonly source: string;
}

export interface ConditionCase extends Located {
  readonly kind: string;
  /** For kind Listener: Gateway or ListenerSet. */
  readonly objectKind?: string;
  readonly object: NN;
  readonly parent?: NN & { readonly group?: string; readonly kind?: string };
  /** Absent with kind Listener: every listener. */
  readonly listener?: string;
  readonly condition?: Cond;
  readonly latestGeneration?: boolean;
}

export interface ListenerCase extends Located {
  readonly gateway?: NN;
  readonly listenerSet?: NN;
  /** Absent: every listener (GatewayMustHaveZeroRoutes). */
  readonly name?: string;
  readonly attachedRoutes?: number;
  readonly conditions?: readonly Cond[];
  readonly supportedKinds?: readonly { readonly group?: string; readonly kind: string }[];
}

export interface ParentRefCase {
  readonly group?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name: string;
  readonly sectionName?: string;
  readonly port?: number;
}

export interface ParentsCase extends Located {
  readonly kind: string;
  readonly route: NN;
  readonly parents: readonly { readonly parentRef: ParentRefCase; readonly controllerName?: string; readonly conditions: readonly Cond[] }[];
  readonly namespaceRequired: boolean;
}

export interface CountCase extends Located {
  readonly kind: string;
  readonly object: NN;
  readonly field: string;
  readonly value: number;
}

export interface RequestFields {
  readonly host?: string;
  readonly path?: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly protocol?: string;
  readonly sni?: string;
  readonly clientCert?: string;
  readonly unfollowRedirect?: boolean;
}

export interface RequestCase {
  readonly request: RequestFields;
  readonly expectedRequest?: RequestFields & { readonly absentHeaders?: readonly string[] };
  readonly redirectRequest?: { readonly scheme?: string; readonly host?: string; readonly port?: string; readonly path?: string };
  readonly response: { readonly statusCode: number | readonly number[] };
  /** The backend that must answer (its pods' name prefix, the Service's name); absent: any. */
  readonly backend?: string;
  readonly namespace?: string;
  readonly tlsServerName?: string;
  /** The Secret whose certificate the TLS helper presents; absent: none. */
  readonly clientCertificate?: NN;
  readonly testCaseName?: string;
  /** "failure": MakeRequestAndExpectFailure, no 200 once stable. */
  readonly expect?: "failure";
  readonly gateway?: NN;
  readonly port?: string;
  readonly afterChange?: string;
  readonly via: string;
  readonly source: string;
}

export interface ConformanceTestCase {
  readonly name: string;
  readonly file: string;
  /** Relative to the conformance folder. */
  readonly manifests: readonly string[];
  readonly features: readonly string[];
  readonly conditions: readonly ConditionCase[];
  readonly listeners: readonly ListenerCase[];
  readonly parents: readonly ParentsCase[];
  readonly counts: readonly CountCase[];
  readonly requests: readonly RequestCase[];
  readonly skipped: readonly { readonly source: string; readonly what: string; readonly why: string }[];
}

export interface SetupObject {
  readonly namespace: string;
  readonly name: string;
  readonly helper: string;
  /** The CA ConfigMap whose CA signed the Secret's certificate; absent: self-signed. */
  readonly issuer?: NN;
  readonly source: string;
}

export interface Cases {
  readonly module: string;
  readonly version: string;
  readonly conformanceModule: string;
  /** The conformance folder on this machine (tests/, base/). */
  readonly conformanceDir: string;
  /** Relative to conformanceDir. */
  readonly baseManifests: string;
  /** The Secrets and ConfigMaps ConformanceTestSuite.Setup creates from Go. */
  readonly setup: { readonly secrets: readonly SetupObject[]; readonly configMaps: readonly SetupObject[]; readonly skipped: readonly unknown[] };
  readonly tests: readonly ConformanceTestCase[];
  readonly summary: Readonly<Record<string, number>>;
}
