import type { List, ListItem } from 'mdast';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Expectation } from '../../model/expectation.js';
import { parseLitopsComment } from '../attributes/index.js';
import { parseExpectation } from '../expectations/index.js';
import { findInlineLitopsComment, plainText } from './markdown-nodes.js';
import type { SectionNode } from './sections.js';

/** A criterion before ids and procedures are known. */
export interface CriterionDraft {
  section: SectionNode;
  text: string;
  line: number;
  check: string | null;
  expectation: Expectation | null;
  checked: boolean | null;
}

export interface ItemDraft {
  section: SectionNode;
  text: string;
  line: number;
}

export interface GuidanceDraft {
  section: SectionNode;
  kind: 'escalation' | 'rollback';
  items: string[];
}

export interface Checklists {
  criteria: CriterionDraft[];
  prerequisites: ItemDraft[];
  guidance: GuidanceDraft[];
}

/** Reads the lists under criteria, prerequisite, escalation and rollback headings. */
export function collectChecklists(section: SectionNode, diagnostics: Diagnostic[]): Checklists {
  const result: Checklists = { criteria: [], prerequisites: [], guidance: [] };
  const items = section.blocks.filter((node): node is List => node.type === 'list').flatMap((list) => flattenItems(list));
  switch (section.role) {
    case 'criteria':
      result.criteria = items.map((item) => buildCriterion(section, item, diagnostics));
      break;
    case 'prerequisites':
      result.prerequisites = items.map((item) => ({ section, text: itemText(item), line: item.position!.start.line }));
      break;
    case 'escalation':
    case 'rollback': {
      const texts = items.length > 0 ? items.map(itemText) : paragraphs(section);
      if (texts.length > 0) result.guidance = [{ section, kind: section.role, items: texts }];
      break;
    }
    default:
      break;
  }
  return result;
}

function buildCriterion(section: SectionNode, item: ListItem, diagnostics: Diagnostic[]): CriterionDraft {
  const line = item.position!.start.line;
  const draft: CriterionDraft = { section, text: itemText(item), line, check: null, expectation: null, checked: typeof item.checked === 'boolean' ? item.checked : null };
  const comment = findInlineLitopsComment(item);
  if (!comment) return draft;
  const parsed = parseLitopsComment(comment.value, comment.position!.start);
  if (!parsed) return draft;
  diagnostics.push(...parsed.diagnostics);
  const check = parsed.attributes.check;
  if (!check) return draft;
  const result = parseExpectation(check, { allowCellRef: true });
  if (!result.ok) {
    const { line: at, column } = comment.position!.start;
    diagnostics.push({ severity: 'error', rule: 'invalid-check', message: `invalid check "${check}": ${result.message}`, line: at, column });
    return { ...draft, check };
  }
  return { ...draft, check, expectation: result.expectation };
}

function flattenItems(list: List): ListItem[] {
  return list.children.flatMap((item) => [item, ...item.children.filter((c): c is List => c.type === 'list').flatMap(flattenItems)]);
}

function itemText(item: ListItem): string {
  const first = item.children[0];
  return first ? plainText(first) : '';
}

function paragraphs(section: SectionNode): string[] {
  return section.blocks
    .filter((node) => node.type === 'paragraph')
    .map((node) => plainText(node))
    .filter(Boolean);
}
