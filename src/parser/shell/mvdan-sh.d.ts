/**
 * Minimal ambient types for `mvdan-sh` 0.10 (mvdan.cc/sh/v3/syntax compiled to JS
 * with GopherJS). Only what litops uses is declared. Field names follow the Go
 * structs; nodes are JS wrappers created on each access, so compare them by
 * position, never by identity.
 */
declare module 'mvdan-sh' {
  /** A position: 1-based line, 1-based column in bytes (UTF-8), 0-based byte offset. */
  export interface ShPos {
    Line(): number;
    Col(): number;
    Offset(): number;
    IsValid(): boolean;
  }

  /** Any syntax node. The fields present depend on `syntax.NodeType(node)`. */
  export interface ShNode {
    Pos(): ShPos;
    End(): ShPos;
    [field: string]: unknown;
  }

  /** `Lit`: literal text, raw as written (backslashes kept). */
  export interface ShLit extends ShNode {
    Value: string;
  }

  /** `Word`: a shell word made of parts (Lit, SglQuoted, DblQuoted, ParamExp, CmdSubst...). */
  export interface ShWord extends ShNode {
    Parts: ShNode[];
  }

  /** `Comment`: `#` position and the text after it. */
  export interface ShComment extends ShNode {
    Hash: ShPos;
    Text: string;
  }

  /** `Stmt`: one command with its redirections. */
  export interface ShStmt extends ShNode {
    Cmd: ShNode | null;
    Redirs: ShNode[];
    Background: boolean;
    Comments: ShComment[];
  }

  /** `File`: the root. */
  export interface ShFile extends ShNode {
    Stmts: ShStmt[];
    Last: ShComment[];
  }

  /** What `Parse` throws (a Go `ParseError` or `LangError`), never an `Error`. */
  export interface ShParseError {
    Pos?: ShPos;
    Text?: string;
    Error?: () => string;
  }

  export interface ShParser {
    Parse(src: string, name: string): ShFile;
  }

  export type ShParserOption = { readonly __parserOption: unique symbol };

  export interface ShSyntax {
    NewParser(...options: ShParserOption[]): ShParser;
    KeepComments(enabled: boolean): ShParserOption;
    Variant(lang: number): ShParserOption;
    LangBash: number;
    /** Depth-first: `fn(node)`, then its children, then `fn(null)` when they are done. */
    Walk(node: ShNode, fn: (node: ShNode | null) => boolean): void;
    NodeType(node: ShNode): string;
  }

  const sh: { syntax: ShSyntax };
  export default sh;
}
