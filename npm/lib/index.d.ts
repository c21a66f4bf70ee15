// Types of the asynclint npm package's JavaScript API (lib/index.js).

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A document held in memory: `path` (relative) names it in the findings and anchors its $refs. */
export interface InMemoryDocument {
  path: string;
  text: string;
}

/** A path (file, folder or quoted glob, as on the command line) or an in-memory document. */
export type DocumentInput = string | InMemoryDocument;

export interface Position {
  line: number;
  column: number;
}

export interface RelatedLocation {
  file: string;
  pointer: string;
  start: Position | null;
  end: Position | null;
  message: string;
}

export interface Finding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  /** RFC 6901 JSON pointer of the node concerned. */
  pointer: string;
  /** null for findings about a whole file. */
  start: Position | null;
  end: Position | null;
  related: RelatedLocation[];
  /** Identifies a finding across edits (rule, file, pointer, message with digits folded). */
  fingerprint: string;
}

/** What `asynclint validate -f json` prints. */
export interface Findings {
  findings: Finding[];
  files: Array<{file: string; checked: boolean}>;
  summary: {files: number; inputErrors: number; error: number; warning: number; info: number; hint: number};
}

export interface ValidateOptions {
  /** Output format; `json` (the default) resolves with the parsed object, any other with the text. */
  format?: string;
  /** A configuration file, or false for none; default: the nearest .asynclint.yaml (none for in-memory documents). */
  config?: string | false;
  /** Rule severities, winning over the configuration: {'channel-unused': 'off'}. */
  rules?: Record<string, Severity | 'off'>;
  /** Spectral rulesets whose rules run too. */
  rulesets?: string[];
  /** Lowest severity that counts as a failure (the exit code 1 of the command line). */
  failSeverity?: Severity;
  /** Folder that relative paths start from (default: process.cwd()). */
  cwd?: string;
}

/** Checks the documents; rejects on usage errors (unknown rule, missing configuration file...). */
export function validate(documents: DocumentInput | DocumentInput[], options?: ValidateOptions & {format?: 'json'}): Promise<Findings>;
export function validate(documents: DocumentInput | DocumentInput[], options: ValidateOptions & {format: string}): Promise<string | Findings>;

declare const api: {validate: typeof validate};
export default api;
