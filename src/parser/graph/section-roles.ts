/** What a heading's title says its content is. */
export type SectionRole = 'criteria' | 'prerequisites' | 'escalation' | 'rollback' | 'container' | 'plain';

const ROLES: Array<[SectionRole, RegExp]> = [
  ['criteria', /^(?:success|acceptance|exit|completion|done) criteria$|^verification(?: steps)?$|^expected (?:results?|outcomes?|output|state)$|^(?:post[- ].*)?(?:validation|verification)$|^how to verify$|^definition of done$/],
  ['prerequisites', /^(?:[\w -]+ )?pre-?requisites?$|^requirements$|^before you (?:begin|start)$|^pre-?flight(?: checks?| checklist)?$|^what you need$/],
  ['escalation', /^(?:communication (?:and|&) )?escalation(?: procedures?| paths?| contacts?| policy| steps| matrix| (?:and|&) communication)?$|^when to escalate$|^if (?:it|this|that|something) (?:fails|goes wrong)$|^on failure$|^in case of failure$|^(?:emergency |escalation )?contacts$/],
  ['rollback', /^(?:how to )?roll ?-?back(?: procedures?| plan| steps| the (?:upgrade|change|release|deployment))?$|^undo$|^revert(?:ing)?(?: the change)?$|^backout(?: plan)?$/],
  ['container', /^(?:procedure|procedures|steps|procedure steps|response steps|runbook steps|instructions|actions|process|execution|commands|how to|walkthrough)$/],
];

/** Strips step numbering and trailing punctuation: `2. Rollback:` → `rollback`. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/^\s*(?:step\s+)?\d+[.):]?\s*[-–:]?\s*/, '')
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Classifies a heading by its title. */
export function classifySection(title: string): SectionRole {
  const normalized = normalizeTitle(title);
  for (const [role, pattern] of ROLES) if (pattern.test(normalized)) return role;
  return 'plain';
}
